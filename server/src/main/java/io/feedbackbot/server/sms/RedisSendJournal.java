package io.feedbackbot.server.sms;

import io.feedbackbot.redis.RedisKeys;
import io.feedbackbot.sms.rest.SendResult;
import io.feedbackbot.sms.segment.SegmentCount;
import io.feedbackbot.sms.segment.SmsEncoding;
import io.feedbackbot.sms.send.JournalEntry;
import io.feedbackbot.sms.send.SendIntent;
import io.feedbackbot.sms.send.SendJournal;
import io.feedbackbot.sms.send.SendResultFields;
import io.feedbackbot.sms.send.Takeover;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;

/**
 * The SMS send journal in Redis, shared by every node: one hash per intent ({@code fb:sms:send:<intentId>}) with
 * the intent (recipient, body, segment count) and, once known, the outcome fields of {@link SendResultFields}.
 * The claim is one Lua script, so two nodes can never both win it; it succeeds only on a missing entry or one
 * whose outcome is {@code not_sent}, and stamps the attempt with Redis's {@code TIME} so that any node can tell a
 * send cut off by a crash from one under way ({@link #takeOver}). Entries expire after {@code retention}, which must outlast every way the same
 * intent id can be asked for again (a stranded delivery lives as long as its conversation). Durability is Redis's
 * own: the embedded default fsyncs every write ({@code redis.embeddedFsync: always}).
 */
public final class RedisSendJournal implements SendJournal {

    private static final String CLAIM = """
            local kind = redis.call('HGET', KEYS[1], 'kind')
            if redis.call('EXISTS', KEYS[1]) == 1 and kind ~= ARGV[2] then
              return 0
            end
            local t = redis.call('TIME')
            redis.call('DEL', KEYS[1])
            redis.call('HSET', KEYS[1], 'at', t[1] * 1000 + math.floor(t[2] / 1000), unpack(ARGV, 3))
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            return 1
            """;
    private static final String TAKE_OVER = """
            if redis.call('EXISTS', KEYS[1]) == 0 or redis.call('HEXISTS', KEYS[1], 'kind') == 1 then
              return {-1, 0}
            end
            local t = redis.call('TIME')
            local now = t[1] * 1000 + math.floor(t[2] / 1000)
            local at = tonumber(redis.call('HGET', KEYS[1], 'at') or '0')
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

    public RedisSendJournal(UnifiedJedis redis, RedisKeys keys, Duration retention) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.retention = Objects.requireNonNull(retention, "retention");
    }

    @Override
    public boolean recordIntent(SendIntent intent) {
        SegmentCount count = intent.segments();
        List<String> args = new ArrayList<>(List.of(Long.toString(retention.toMillis()), SendResultFields.NOT_SENT,
                "to", intent.to(), "body", intent.body(), "encoding", count.encoding().name(),
                "segments", Integer.toString(count.segments()), "units", Integer.toString(count.units()),
                "codePoints", Integer.toString(count.codePoints())));
        Object claimed = redis.eval(CLAIM, List.of(key(intent.id())), args);
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
        SegmentCount count = new SegmentCount(SmsEncoding.valueOf(fields.get("encoding")),
                Integer.parseInt(fields.get("segments")), Integer.parseInt(fields.get("units")),
                Integer.parseInt(fields.get("codePoints")));
        SendIntent intent = new SendIntent(intentId, fields.get("to"), fields.get("body"), count);
        Optional<SendResult> outcome = fields.containsKey(SendResultFields.KIND)
                ? Optional.of(SendResultFields.fromFields(new HashMap<>(fields)))
                : Optional.empty();
        return Optional.of(new JournalEntry(intent, outcome));
    }

    /**
     * Hands a pending intent recorded at least {@code staleAfter} ago (by Redis's clock) to one caller, and counts it
     * as recorded anew from then; see {@link SendJournal#takeOver}.
     */
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
                : new Takeover.Granted(java.time.Instant.ofEpochMilli(value));
    }

    private String key(String intentId) {
        return keys.global("sms:send:" + intentId);
    }
}
