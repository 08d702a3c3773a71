package io.feedbackbot.server.sms;

import io.feedbackbot.redis.RedisKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;

/**
 * Provider sid → {@link SentMessage} in Redis ({@code fb:sms:sent:<sid>}, a hash; attributes as {@code a.<name>}),
 * written when the provider accepts a message and read by status callbacks. Expires after {@code retention}:
 * providers stop reporting on a message within days.
 */
public final class RedisSentMessages {

    private static final String ATTRIBUTE = "a.";

    private static final String REMEMBER = """
            redis.call('DEL', KEYS[1])
            redis.call('HSET', KEYS[1], unpack(ARGV, 2))
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            """;

    private final UnifiedJedis redis;
    private final RedisKeys keys;
    private final Duration retention;

    public RedisSentMessages(UnifiedJedis redis, RedisKeys keys, Duration retention) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.retention = Objects.requireNonNull(retention, "retention");
    }

    public void remember(String sid, SentMessage message) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("deliveryId", message.deliveryId());
        fields.put("account", message.account());
        fields.put("segments", Integer.toString(message.segments()));
        message.attributes().forEach((name, value) -> fields.put(ATTRIBUTE + name, value));
        List<String> args = new ArrayList<>();
        args.add(Long.toString(retention.toMillis()));
        fields.forEach((name, value) -> {
            args.add(name);
            args.add(value);
        });
        redis.eval(REMEMBER, List.of(key(sid)), args);
    }

    public Optional<SentMessage> find(String sid) {
        Map<String, String> fields = redis.hgetAll(key(sid));
        if (fields == null || !fields.containsKey("deliveryId")) {
            return Optional.empty();
        }
        Map<String, String> attributes = new HashMap<>();
        fields.forEach((name, value) -> {
            if (name.startsWith(ATTRIBUTE)) {
                attributes.put(name.substring(ATTRIBUTE.length()), value);
            }
        });
        return Optional.of(new SentMessage(fields.get("deliveryId"), fields.get("account"),
                Integer.parseInt(fields.getOrDefault("segments", "0")), attributes));
    }

    private String key(String sid) {
        return keys.global("sms:sent:" + sid);
    }

}
