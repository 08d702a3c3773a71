package io.feedbackbot.core.conversation;

import java.time.Instant;
import java.util.Objects;

/**
 * A conversation's hand-off to a person: requested by the customer or opened by escalation.
 *
 * @param reason      why (for example {@code customer_request}, {@code detractor}, {@code complaint})
 * @param ticketId    the work order that tracks it
 * @param requestedAt when it was requested
 */
public record Handoff(String reason, String ticketId, Instant requestedAt) {

    public Handoff {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }
}
