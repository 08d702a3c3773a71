package io.feedbackbot.redis.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.JedisPooled;

class EmbeddedRedisTest {

    @TempDir
    Path dir;

    @Test
    void writesSurviveARestartThroughTheAppendOnlyFile() {
        try (EmbeddedRedis redis = EmbeddedRedis.start(dir, 0, EmbeddedRedis.Persistence.ALWAYS);
             JedisPooled client = new JedisPooled("127.0.0.1", redis.port())) {
            client.set("k", "kept");
        }
        try (EmbeddedRedis redis = EmbeddedRedis.start(dir, 0, EmbeddedRedis.Persistence.ALWAYS);
             JedisPooled client = new JedisPooled("127.0.0.1", redis.port())) {
            assertEquals("kept", client.get("k"));
        }
    }

    @Test
    void aRedisLeftRunningByAKilledParentIsStoppedBeforeANewOneStarts() throws Exception {
        EmbeddedRedis orphan = EmbeddedRedis.start(dir, 0, EmbeddedRedis.Persistence.ALWAYS);
        try (JedisPooled client = new JedisPooled("127.0.0.1", orphan.port())) {
            client.set("k", "from the first run");
        }
        long orphanPid = Long.parseLong(java.nio.file.Files.readString(dir.resolve("redis.pid")).trim());

        try (EmbeddedRedis redis = EmbeddedRedis.start(dir, 0, EmbeddedRedis.Persistence.ALWAYS);
             JedisPooled client = new JedisPooled("127.0.0.1", redis.port())) {
            assertFalse(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false));
            assertEquals("from the first run", client.get("k"));
        }
    }
}
