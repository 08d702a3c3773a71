package io.feedbackbot.server.campaign.testing;

import io.feedbackbot.redis.RedisKeys;
import io.feedbackbot.sms.rest.SendResult;
import io.feedbackbot.sms.segment.SmsSegments;
import io.feedbackbot.sms.send.JournalEntry;
import io.feedbackbot.sms.send.SendIntent;
import io.feedbackbot.sms.send.SendJournal;
import io.feedbackbot.sms.send.SendResultFields;
import io.feedbackbot.sms.send.Takeover;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;

/**
 * A send journal in Redis with takeover, for the stand-in SMS channel of the campaign tests: one hash per intent,
 * each attempt stamped with Redis's own {@code TIME} so every node measures its age on one clock. It follows the
 * store contract in adapters/sms/README.md; the real SMS channel's journal (branch sms-int) can take these scripts.
 */
public final class RedisTakeoverJournal implements SendJournal {

    private static final String CLAIM = """
            if redis.call('EXISTS', KEYS[1]) == 1 and redis.call('HGET', KEYS[1], 'kind') ~= 'not_sent' then
              return 0
            end
            local t = redis.call('TIME')
            redis.call('DEL', KEYS[1])
            redis.call('HSET', KEYS[1], 'to', ARGV[2], 'body', ARGV[3], 'at', t[1] * 1000 + math.floor(t[2] / 1000))
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            return 1
            """;
    private static final String TAKE_OVER = """
            if redis.call('EXISTS', KEYS[1]) == 0 or redis.call('HEXISTS', KEYS[1], 'kind') == 1 then
              return {-1, 0}
            end
            local t = redis.call('TIME')
            local now = t[1] * 1000 + math.floor(t[2] / 1000)
            local at = tonumber(redis.call('HGET', KEYS[1], 'at'))
            if now - at < tonumber(ARGV[1]) then
              return {0, tonumber(ARGV[1]) - (now - at)}
            end
            redis.call('HSET', KEYS[1], 'at', now)
            return {1, at}
            """;
    private static final String OUTCOME = """
            if redis.call('EXISTS', KEYS[1]) == 0 then
              return 0
            end
            redis.call('HSET', KEYS[1], unpack(ARGV))
            return 1
            """;

    private final UnifiedJedis redis;
    private final RedisKeys keys;
    private final Duration retention;

    public RedisTakeoverJournal(UnifiedJedis redis, RedisKeys keys, Duration retention) {
        this.redis = redis;
        this.keys = keys;
        this.retention = retention;
    }

    @Override
    public boolean recordIntent(SendIntent intent) {
        Object claimed = redis.eval(CLAIM, List.of(key(intent.id())),
                List.of(Long.toString(retention.toMillis()), intent.to(), intent.body()));
        return Long.valueOf(1).equals(claimed);
    }

    @Override
    public void recordOutcome(String intentId, SendResult outcome) {
        List<String> args = new ArrayList<>();
        SendResultFields.toFields(outcome).forEach((name, value) -> {
            args.add(name);
            args.add(value);
        });
        redis.eval(OUTCOME, List.of(key(intentId)), args);
    }

    @Override
    public Optional<JournalEntry> find(String intentId) {
        Map<String, String> fields = redis.hgetAll(key(intentId));
        if (fields == null || fields.isEmpty()) {
            return Optional.empty();
        }
        SendIntent intent = new SendIntent(intentId, fields.get("to"), fields.get("body"),
                SmsSegments.count(fields.get("body")));
        Optional<SendResult> outcome = fields.containsKey(SendResultFields.KIND)
                ? Optional.of(SendResultFields.fromFields(new HashMap<>(fields))) : Optional.empty();
        return Optional.of(new JournalEntry(intent, outcome));
    }

    @Override
    public Takeover takeOver(String intentId, Duration staleAfter) {
        List<?> result = (List<?>) redis.eval(TAKE_OVER, List.of(key(intentId)),
                List.of(Long.toString(staleAfter.toMillis())));
        long answer = (Long) result.get(0);
        long value = (Long) result.get(1);
        if (answer < 0) {
            return new Takeover.NotPending();
        }
        return answer == 0 ? new Takeover.TooRecent(Duration.ofMillis(value))
                : new Takeover.Granted(Instant.ofEpochMilli(value));
    }

    private String key(String intentId) {
        return keys.global("smsstub:send:" + intentId);
    }
}
