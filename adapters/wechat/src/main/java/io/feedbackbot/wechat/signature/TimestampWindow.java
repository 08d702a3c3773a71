package io.feedbackbot.wechat.signature;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * How far a request's {@code timestamp} may be from our clock before the request is refused as a replay. A pure
 * decision: the caller passes {@code now}. The tolerance is symmetric (clocks drift both ways) and inclusive.
 *
 * @param tolerance the largest accepted distance between the timestamp and now; positive
 */
public record TimestampWindow(Duration tolerance) {

    /** Five minutes, as the issue asks. */
    public static final TimestampWindow DEFAULT = new TimestampWindow(Duration.ofMinutes(5));

    public TimestampWindow {
        if (tolerance == null || tolerance.isNegative() || tolerance.isZero()) {
            throw new IllegalArgumentException("timestamp tolerance must be positive: " + tolerance);
        }
    }

    /** Whether a timestamp in epoch seconds is within the tolerance of {@code now}. */
    public boolean isFresh(long epochSeconds, Instant now) {
        Duration distance = Duration.between(Instant.ofEpochSecond(epochSeconds), now).abs();
        return distance.compareTo(tolerance) <= 0;
    }

    /** Whether a timestamp as sent in a query string is a number within the tolerance of {@code now}. */
    public boolean isFresh(String epochSeconds, Instant now) {
        OptionalLong parsed = parseEpochSeconds(epochSeconds);
        return parsed.isPresent() && isFresh(parsed.getAsLong(), now);
    }

    /** Parses a decimal epoch-seconds value of at most 12 digits; anything else is empty. */
    public static OptionalLong parseEpochSeconds(String value) {
        if (value == null || value.isEmpty() || value.length() > 12) {
            return OptionalLong.empty();
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.of(Long.parseLong(value));
    }
}
