package io.feedbackbot.wechat.kefu;

import java.time.Instant;

/**
 * Where all nodes share each user's {@link KefuUsage}. Two operations, each atomic on its own (Redis: one hash per
 * user, a Lua script for the compare-and-set); all the rules live in {@link KefuBudget}, so a Redis
 * implementation needs no knowledge of WeChat.
 */
public interface KefuBudgetStore {

    /** The stored usage, or {@link KefuUsage#NONE}. */
    KefuUsage get(String account, String openId);

    /**
     * Stores {@code replacement} only if the stored usage equals {@code expected} ({@link KefuUsage#NONE} when
     * nothing is stored), and lets it expire at {@code expireAt}. Returns whether it was stored.
     */
    boolean compareAndSet(String account, String openId, KefuUsage expected, KefuUsage replacement, Instant expireAt);

    /**
     * Stores {@code replacement} (a fresh window) unless the stored usage already records a user message at or
     * after {@code replacement}'s, and lets it expire at {@code expireAt}; atomic. The default is a
     * compare-and-set loop over the two operations above; a store that can do it in one step (Redis: one script,
     * one round trip instead of two on every inbound message) overrides it.
     *
     * @return false when contention outlasted the loop (the caller reports it)
     */
    default boolean storeUnlessNewer(String account, String openId, KefuUsage replacement, Instant expireAt) {
        Instant at = replacement.lastUserMessageAt().orElseThrow();
        for (int i = 0; i < 16; i++) {
            KefuUsage current = get(account, openId);
            if (current.lastUserMessageAt().filter(last -> !last.isBefore(at)).isPresent()) {
                return true;
            }
            if (compareAndSet(account, openId, current, replacement, expireAt)) {
                return true;
            }
        }
        return false;
    }
}
