package io.feedbackbot.redis.conversation;

import io.feedbackbot.core.conversation.ConversationKey;
import io.feedbackbot.core.store.TimerIndex;
import io.feedbackbot.redis.LuaScript;
import io.feedbackbot.redis.RedisKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/**
 * The timer index as sorted sets of conversation ids scored by due time, split into
 * {@link RedisKeys#TIMER_SHARDS} shards so a cluster spreads them. Claiming moves an entry to the end of its lease
 * in the same script, so two nodes never claim one entry at once.
 */
public final class RedisTimerIndex implements TimerIndex {

    private final UnifiedJedis redis;
    private final RedisKeys keys;
    private final LuaScript claimDue = LuaScript.load("claim_due");

    public RedisTimerIndex(UnifiedJedis redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    @Override
    public List<ConversationKey> claimDue(Instant now, int limit, Duration lease) {
        List<ConversationKey> due = new ArrayList<>();
        String leaseUntil = Long.toString(now.plus(lease).toEpochMilli());
        for (int shard = 0; shard < RedisKeys.TIMER_SHARDS && due.size() < limit; shard++) {
            Object claimed = claimDue.eval(redis, List.of(keys.timerShard(shard)),
                    List.of(Long.toString(now.toEpochMilli()), Integer.toString(limit - due.size()), leaseUntil));
            for (Object id : (List<?>) claimed) {
                due.add(ConversationKey.parse(String.valueOf(id)));
            }
        }
        return due;
    }

    @Override
    public void set(ConversationKey key, Instant at) {
        if (at == null) {
            redis.zrem(keys.timerShard(key), key.id());
        } else {
            redis.zadd(keys.timerShard(key), at.toEpochMilli(), key.id());
        }
    }
}
