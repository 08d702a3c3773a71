package io.feedbackbot.server.handoff.escalation;

import io.feedbackbot.redis.RedisKeys;
import io.feedbackbot.redis.lock.RedisLock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.params.ZAddParams;

/**
 * Escalation notices waiting to be sent, in Redis under {@code {tickets}}: a sorted set of notice ids by next
 * attempt, their attempt counts, a marker per notice and target once it was delivered (so a success is never sent
 * again), and a short claim per notice so two nodes never send it at once. A notice is scheduled before the
 * escalation it announces is stored, so a node dying in between loses nothing (the sender drops notices whose
 * escalation never happened).
 */
final class NoticeQueue {

    static final Duration MARKER_TTL = Duration.ofDays(30);

    private final UnifiedJedis redis;
    private final RedisKeys keys;
    private final RedisLock locks;
    private final String owner;

    NoticeQueue(UnifiedJedis redis, RedisKeys keys, RedisLock locks, String owner) {
        this.redis = redis;
        this.keys = keys;
        this.locks = locks;
        this.owner = owner;
    }

    private String pending() {
        return keys.global("{tickets}:notices");
    }

    private String tries() {
        return keys.global("{tickets}:notice-tries");
    }

    void schedule(String noticeId, Instant at) {
        redis.zadd(pending(), at.toEpochMilli(), noticeId, ZAddParams.zAddParams().nx());
    }

    List<String> due(Instant now, int limit) {
        return redis.zrangeByScore(pending(), "-inf", Long.toString(now.toEpochMilli()), 0, limit);
    }

    boolean claim(String noticeId) {
        return locks.tryAcquire(keys.global("{tickets}:notice-claim:" + noticeId), owner, Duration.ofMinutes(1));
    }

    void release(String noticeId) {
        locks.release(keys.global("{tickets}:notice-claim:" + noticeId), owner);
    }

    boolean delivered(String noticeId, String target) {
        return redis.exists(marker(noticeId, target));
    }

    void markDelivered(String noticeId, String target) {
        redis.set(marker(noticeId, target), "1", SetParams.setParams().ex(MARKER_TTL.toSeconds()));
    }

    /** Counts a failed attempt; returns the failed attempts so far. */
    long failedAttempt(String noticeId) {
        return redis.hincrBy(tries(), noticeId, 1);
    }

    void retryAt(String noticeId, Instant next) {
        redis.zadd(pending(), next.toEpochMilli(), noticeId, ZAddParams.zAddParams().xx());
    }

    void finished(String noticeId) {
        redis.zrem(pending(), noticeId);
        redis.hdel(tries(), noticeId);
    }

    private String marker(String noticeId, String target) {
        return keys.global("{tickets}:noticed:" + noticeId + ":" + target);
    }
}
