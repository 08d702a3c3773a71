package io.feedbackbot.wechat.retry;

import java.time.Duration;

/**
 * Exponential backoff: the n-th retry (0-based) waits {@code initial × 2^n}, capped at {@code cap}; at most
 * {@code maxRetries} retries follow the first attempt.
 */
public record Backoff(Duration initial, int maxRetries, Duration cap) {

    /**
     * 1 s, 2 s, 4 s. WxJava retries errcode -1 up to five times (31 s in all); we stop sooner because the caller
     * holds a worker thread and can reschedule the send instead.
     */
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), 3, Duration.ofSeconds(8));

    public Backoff {
        if (initial.isNegative() || initial.isZero() || maxRetries < 0 || cap.compareTo(initial) < 0) {
            throw new IllegalArgumentException("invalid backoff: " + initial + ", " + maxRetries + ", " + cap);
        }
    }

    /** The wait before retry {@code n} (0-based). */
    public Duration delay(int n) {
        Duration delay = initial;
        for (int i = 0; i < n && delay.compareTo(cap) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(cap) > 0 ? cap : delay;
    }
}
