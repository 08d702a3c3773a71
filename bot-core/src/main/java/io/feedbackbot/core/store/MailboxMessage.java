package io.feedbackbot.core.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A message for a channel whose customers read from a mailbox kept by this service (web chat): it is appended
 * in the same atomic save as the transition that produced it, so it is delivered exactly once.
 */
public record MailboxMessage(String deliveryId, String text, Instant at) {

    public MailboxMessage {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
    }
}
