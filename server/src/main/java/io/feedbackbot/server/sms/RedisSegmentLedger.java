package io.feedbackbot.server.sms;

import io.feedbackbot.redis.RedisKeys;
import io.feedbackbot.sms.segment.SmsEncoding;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import redis.clients.jedis.UnifiedJedis;

/**
 * Per-account daily SMS cost counters in Redis, for cost reports: the hash {@code fb:sms:segments:<account>:<date>}
 * (UTC date) holds {@code messages}, {@code segments}, and {@code segments.gsm7} / {@code segments.ucs2}, counted
 * when the provider accepts a message. Read it with {@code HGETALL}. Kept {@code retention} (a bit over a year).
 */
public final class RedisSegmentLedger {

    private static final String COUNT = """
            redis.call('HINCRBY', KEYS[1], 'messages', 1)
            redis.call('HINCRBY', KEYS[1], 'segments', ARGV[2])
            redis.call('HINCRBY', KEYS[1], ARGV[3], ARGV[2])
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            """;

    /** One day's totals of one account. */
    public record DayTotals(long messages, long segments, long gsm7Segments, long ucs2Segments) {
    }

    private final UnifiedJedis redis;
    private final RedisKeys keys;
    private final Duration retention;

    public RedisSegmentLedger(UnifiedJedis redis, RedisKeys keys, Duration retention) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.retention = Objects.requireNonNull(retention, "retention");
    }

    public void count(String account, LocalDate day, SmsEncoding encoding, int segments) {
        redis.eval(COUNT, List.of(key(account, day)), List.of(Long.toString(retention.toMillis()),
                Integer.toString(segments), encoding == SmsEncoding.GSM_7 ? "segments.gsm7" : "segments.ucs2"));
    }

    public DayTotals day(String account, LocalDate day) {
        Map<String, String> f = redis.hgetAll(key(account, day));
        return new DayTotals(number(f, "messages"), number(f, "segments"), number(f, "segments.gsm7"),
                number(f, "segments.ucs2"));
    }

    private static long number(Map<String, String> fields, String name) {
        return Long.parseLong(fields.getOrDefault(name, "0"));
    }

    private String key(String account, LocalDate day) {
        return keys.global("sms:segments:" + account + ":" + day);
    }
}
