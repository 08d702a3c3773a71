package io.feedbackbot.wechat.kefu;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One user's customer-service budget as shared between nodes: when the user last wrote, and how many
 * customer-service messages we have sent (or reserved) since.
 *
 * @param lastUserMessageAt WeChat's {@code CreateTime} of the user's last message; empty when unknown
 */
public record KefuUsage(Optional<Instant> lastUserMessageAt, int sentSince) {

    /** Nothing known about the user: no window is open. */
    public static final KefuUsage NONE = new KefuUsage(Optional.empty(), 0);

    public KefuUsage {
        Objects.requireNonNull(lastUserMessageAt, "lastUserMessageAt");
        if (sentSince < 0) {
            throw new IllegalArgumentException("sentSince must not be negative");
        }
    }

    /** A fresh window opened by a user message at {@code at}. */
    public static KefuUsage openedAt(Instant at) {
        return new KefuUsage(Optional.of(at), 0);
    }

    public KefuUsage plusOne() {
        return new KefuUsage(lastUserMessageAt, sentSince + 1);
    }
}
