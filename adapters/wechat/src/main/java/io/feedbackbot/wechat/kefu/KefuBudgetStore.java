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
}
