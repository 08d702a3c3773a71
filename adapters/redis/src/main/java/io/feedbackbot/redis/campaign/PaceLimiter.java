package io.feedbackbot.redis.campaign;

import io.feedbackbot.redis.LuaScript;
import java.time.Duration;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/**
 * Messages per second per channel account, shared by every node and campaign: a token bucket in Redis that refills
 * on Redis's own clock, so two nodes sending on one SMS long code together stay at its one message per second.
 */
public final class PaceLimiter {

    private final UnifiedJedis redis;
    private final CampaignKeys keys;
    private final LuaScript take = LuaScript.load("pace_take");

    public PaceLimiter(UnifiedJedis redis, CampaignKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    /** What a node may send now, and how long until the next token when it got fewer than it asked for. */
    public record Grant(int granted, Duration nextTokenIn) {
    }

    /**
     * Takes up to {@code want} tokens from the account's bucket, which refills at {@code perSecond} and holds at
     * most one second's worth (at least one token).
     */
    public Grant take(String channel, String account, double perSecond, int want) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("a pace must be positive; no pacing means not asking");
        }
        double burst = Math.max(1.0, perSecond);
        List<?> result = (List<?>) take.eval(redis, List.of(keys.pace(channel, account)),
                List.of(Double.toString(perSecond), Double.toString(burst), Integer.toString(want)));
        return new Grant(((Long) result.get(0)).intValue(), Duration.ofMillis((Long) result.get(1)));
    }
}
