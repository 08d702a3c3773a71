package io.feedbackbot.server.wechat;

import io.feedbackbot.redis.LuaScript;
import io.feedbackbot.wechat.kefu.KefuBudgetStore;
import io.feedbackbot.wechat.kefu.KefuUsage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;

/**
 * Each follower's customer-service budget, shared by all nodes: one string under the follower's conversation
 * hash tag ({@code <last user message millis>|<sent since>}), expiring when the window closes. The
 * compare-and-set is one script, so two nodes never spend the same slot; the rules stay in the adapter's
 * {@code KefuBudget}.
 */
final class RedisKefuBudgetStore implements KefuBudgetStore {

    /** Both scripts end the same way: ARGV[2] stored for ARGV[3] ms, or the key deleted when none is left. */
    private static final String STORE_WITH_TTL = """
            local ttl = tonumber(ARGV[3])
            if ttl <= 0 then
              redis.call('DEL', KEYS[1])
            else
              redis.call('SET', KEYS[1], ARGV[2], 'PX', ttl)
            end
            return 1""";

    private static final LuaScript COMPARE_AND_SET = LuaScript.of("kefu_compare_and_set", """
            if (redis.call('GET', KEYS[1]) or '') ~= ARGV[1] then
              return 0
            end
            """ + STORE_WITH_TTL);

    /** Stores ARGV[2] unless the stored last user message (millis before the bar) is at or after ARGV[1]. */
    private static final LuaScript STORE_UNLESS_NEWER = LuaScript.of("kefu_store_unless_newer", """
            local current = redis.call('GET', KEYS[1])
            if current then
              local last = tonumber(string.match(current, '^(%d+)|'))
              if last and last >= tonumber(ARGV[1]) then
                return 0
              end
            end
            """ + STORE_WITH_TTL);

    private final UnifiedJedis redis;
    private final WechatKeys keys;
    private final Clock clock;

    RedisKefuBudgetStore(UnifiedJedis redis, WechatKeys keys, Clock clock) {
        this.redis = redis;
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public KefuUsage get(String account, String openId) {
        return decode(redis.get(key(account, openId)));
    }

    @Override
    public boolean compareAndSet(String account, String openId, KefuUsage expected, KefuUsage replacement,
            Instant expireAt) {
        long ttl = Duration.between(clock.instant(), expireAt).toMillis();
        Object stored = COMPARE_AND_SET.eval(redis, List.of(key(account, openId)),
                List.of(encode(expected), encode(replacement), Long.toString(ttl)));
        return Long.valueOf(1).equals(stored);
    }

    /** One round trip: the rule "an older message changes nothing" compares the stored millis in the script. */
    @Override
    public boolean storeUnlessNewer(String account, String openId, KefuUsage replacement, Instant expireAt) {
        long ttl = Duration.between(clock.instant(), expireAt).toMillis();
        STORE_UNLESS_NEWER.eval(redis, List.of(key(account, openId)), List.of(
                Long.toString(replacement.lastUserMessageAt().orElseThrow().toEpochMilli()), encode(replacement),
                Long.toString(ttl)));
        return true;
    }

    private String key(String account, String openId) {
        return keys.kefuBudget(WechatKeys.conversation(account, openId));
    }

    /** The stored form; {@link KefuUsage#NONE} is the absent key, written as the empty string. */
    static String encode(KefuUsage usage) {
        if (usage.equals(KefuUsage.NONE)) {
            return "";
        }
        return usage.lastUserMessageAt().map(at -> Long.toString(at.toEpochMilli())).orElse("-") + "|"
                + usage.sentSince();
    }

    static KefuUsage decode(String stored) {
        if (stored == null || stored.isEmpty()) {
            return KefuUsage.NONE;
        }
        int bar = stored.indexOf('|');
        String last = stored.substring(0, bar);
        Optional<Instant> at = last.equals("-") ? Optional.empty() : Optional.of(Instant.ofEpochMilli(Long.parseLong(last)));
        return new KefuUsage(at, Integer.parseInt(stored.substring(bar + 1)));
    }
}
