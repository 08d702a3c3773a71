package io.feedbackbot.redis.lock;

import io.feedbackbot.redis.LuaScript;
import java.time.Duration;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Short leases in Redis ({@code SET NX PX}): one holder at a time for a job every node may run (the deadline
 * check), or one sender for a notification. A lease ends when its holder releases it or when it expires, so a holder
 * that dies blocks the job only until then. Release deletes only the caller's own lease.
 */
public final class RedisLock {

    private final UnifiedJedis redis;
    private final LuaScript unlock = LuaScript.load("unlock");

    public RedisLock(UnifiedJedis redis) {
        this.redis = redis;
    }

    /** Takes the lease {@code key} for {@code owner} if nobody holds it. */
    public boolean tryAcquire(String key, String owner, Duration ttl) {
        return "OK".equals(redis.set(key, owner, SetParams.setParams().nx().px(ttl.toMillis())));
    }

    /** Gives the lease back if {@code owner} still holds it. */
    public void release(String key, String owner) {
        unlock.eval(redis, List.of(key), List.of(owner));
    }
}
