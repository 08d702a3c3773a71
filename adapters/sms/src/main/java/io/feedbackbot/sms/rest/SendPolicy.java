package io.feedbackbot.sms.rest;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How long one REST call may take and how to retry the failures that are known to be unprocessed (429, or no
 * connection at all): at most {@code maxAttempts} calls, waiting a random time between zero and
 * {@code min(maxDelay, baseDelay × 2^(retry-1))} before each retry ("full jitter", so that many nodes throttled
 * at once do not retry in step).
 */
public record SendPolicy(Duration timeout, int maxAttempts, Duration baseDelay, Duration maxDelay) {

    public static final SendPolicy DEFAULT =
            new SendPolicy(Duration.ofSeconds(10), 4, Duration.ofMillis(500), Duration.ofSeconds(8));

    public SendPolicy {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (timeout.isNegative() || timeout.isZero() || maxAttempts < 1 || baseDelay.isNegative()
                || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("invalid SMS send policy: " + timeout + ", " + maxAttempts
                    + " attempts, delays " + baseDelay + ".." + maxDelay);
        }
    }

    /** The longest wait before retry number {@code retry} (1 for the first retry). */
    public Duration ceiling(int retry) {
        long base = baseDelay.toMillis();
        int shift = Math.min(Math.max(retry - 1, 0), 30);
        long ceiling = base > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : base << shift;
        return Duration.ofMillis(Math.min(ceiling, maxDelay.toMillis()));
    }

    /** A uniformly random wait in {@code [0, ceiling(retry)]}. */
    public Duration backoff(int retry, RandomGenerator random) {
        return Duration.ofMillis(random.nextLong(ceiling(retry).toMillis() + 1));
    }

    /**
     * The longest one send can take under this policy: every attempt timing out, with the longest wait before
     * each retry. A pending send older than this (plus a margin) is no longer running anywhere.
     */
    public Duration longestSend() {
        Duration total = timeout.multipliedBy(maxAttempts);
        for (int retry = 1; retry < maxAttempts; retry++) {
            total = total.plus(ceiling(retry));
        }
        return total;
    }
}
