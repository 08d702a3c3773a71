package io.feedbackbot.server.integrations;

import java.time.Duration;

/**
 * How long to wait before the next attempt: the initial wait doubled after each failure, capped, then jittered to
 * between half and all of it ("equal jitter"), so receivers that come back are not hit by every sender at once.
 * Pure: the caller passes the random number.
 */
public record Backoff(Duration initial, Duration max) {

    /**
     * @param failures how many attempts have failed so far (1 after the first)
     * @param random   a number in [0, 1)
     */
    public Duration delay(int failures, double random) {
        long cap = max.toMillis();
        long base = initial.toMillis();
        long exponential = failures >= 62 ? cap : Math.min(cap, base * (1L << Math.max(0, failures - 1)));
        if (exponential < 0) {
            exponential = cap;
        }
        return Duration.ofMillis(exponential / 2 + (long) (exponential / 2.0 * random));
    }
}
