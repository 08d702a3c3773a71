package io.feedbackbot.redis.testing;

import io.feedbackbot.redis.RedisConnections;
import io.feedbackbot.redis.RedisKeys;
import io.feedbackbot.redis.embedded.EmbeddedRedis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import redis.clients.jedis.UnifiedJedis;

/**
 * The real Redis tests run against: the one named by {@code FEEDBACKBOT_REDIS_URL} when set (standalone or
 * cluster), otherwise an embedded redis-server on a free port, started once per test JVM and stopped at exit.
 * Each test takes its own key prefix, so tests never see each other's keys and a shared Redis is never flushed.
 */
public final class TestRedis {

    private static String url;
    private static UnifiedJedis client;

    private TestRedis() {
    }

    /** The URL of the test Redis, starting the embedded one on first use. */
    public static synchronized String url() {
        if (url == null) {
            String configured = System.getenv("FEEDBACKBOT_REDIS_URL");
            if (configured != null && !configured.isBlank()) {
                url = configured.trim();
            } else {
                try {
                    Path dir = Files.createTempDirectory("feedbackbot-test-redis");
                    EmbeddedRedis redis = EmbeddedRedis.start(dir, 0, EmbeddedRedis.Persistence.NONE);
                    Runtime.getRuntime().addShutdownHook(new Thread(redis::close, "test-redis-stop"));
                    url = redis.url();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return url;
    }

    /** A client shared by the tests of this JVM. */
    public static synchronized UnifiedJedis client() {
        if (client == null) {
            client = RedisConnections.open(url(), 64);
        }
        return client;
    }

    /** Keys under a prefix no other test uses. */
    public static RedisKeys freshKeys() {
        return new RedisKeys(freshPrefix());
    }

    public static String freshPrefix() {
        return "fbtest-" + UUID.randomUUID().toString().substring(0, 8) + ":";
    }

    /** Whether the tests run against a Redis Cluster. */
    public static boolean cluster() {
        return url().startsWith("redis-cluster://");
    }
}
