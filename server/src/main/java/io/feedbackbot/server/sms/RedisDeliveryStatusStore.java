package io.feedbackbot.server.sms;

import io.feedbackbot.redis.RedisKeys;
import io.feedbackbot.sms.delivery.DeliveryRecord;
import io.feedbackbot.sms.delivery.DeliveryStatus;
import io.feedbackbot.sms.delivery.DeliveryStatusStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import redis.clients.jedis.UnifiedJedis;

/**
 * Delivery records of outbound SMS in Redis: one hash per provider message sid ({@code fb:sms:status:<sid>}) with
 * {@code status}, {@code errorCode} and {@code version}. Both writes are Lua scripts, so concurrent status callbacks
 * on any number of nodes never overwrite each other ({@link io.feedbackbot.sms.delivery.DeliveryTracker} decides,
 * this store only compares and sets). Records expire {@code retention} after their last change.
 */
public final class RedisDeliveryStatusStore implements DeliveryStatusStore {

    private static final String INSERT = """
            if redis.call('EXISTS', KEYS[1]) == 1 then
              return 0
            end
            redis.call('HSET', KEYS[1], 'status', ARGV[2], 'errorCode', ARGV[3], 'version', '1')
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            return 1
            """;
    private static final String REPLACE = """
            if redis.call('HGET', KEYS[1], 'version') ~= ARGV[2] then
              return 0
            end
            redis.call('HSET', KEYS[1], 'status', ARGV[3], 'errorCode', ARGV[4], 'version', ARGV[5])
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            return 1
            """;

    private final UnifiedJedis redis;
    private final RedisKeys keys;
    private final Duration retention;

    public RedisDeliveryStatusStore(UnifiedJedis redis, RedisKeys keys, Duration retention) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.retention = Objects.requireNonNull(retention, "retention");
    }

    @Override
    public Optional<DeliveryRecord> find(String messageSid) {
        Map<String, String> fields = redis.hgetAll(key(messageSid));
        if (fields == null || !fields.containsKey("version")) {
            return Optional.empty();
        }
        DeliveryStatus status = DeliveryStatus.parse(fields.get("status")).orElseThrow(() ->
                new IllegalStateException("stored delivery status of " + messageSid + " is unknown: "
                        + fields.get("status")));
        String error = fields.getOrDefault("errorCode", "");
        return Optional.of(new DeliveryRecord(messageSid, status,
                error.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(error)),
                Long.parseLong(fields.get("version"))));
    }

    @Override
    public boolean insertIfAbsent(DeliveryRecord record) {
        if (record.version() != 1) {
            throw new IllegalArgumentException("a new delivery record starts at version 1");
        }
        Object inserted = redis.eval(INSERT, List.of(key(record.messageSid())),
                List.of(Long.toString(retention.toMillis()), record.status().wireName(), error(record)));
        return Long.valueOf(1).equals(inserted);
    }

    @Override
    public boolean replaceIfVersion(long expectedVersion, DeliveryRecord updated) {
        Object replaced = redis.eval(REPLACE, List.of(key(updated.messageSid())),
                List.of(Long.toString(retention.toMillis()), Long.toString(expectedVersion),
                        updated.status().wireName(), error(updated), Long.toString(updated.version())));
        return Long.valueOf(1).equals(replaced);
    }

    private static String error(DeliveryRecord record) {
        return record.errorCode().isPresent() ? Integer.toString(record.errorCode().getAsInt()) : "";
    }

    private String key(String messageSid) {
        return keys.global("sms:status:" + messageSid);
    }
}
