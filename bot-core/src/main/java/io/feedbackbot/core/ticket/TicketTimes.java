package io.feedbackbot.core.ticket;

import java.time.Instant;
import java.util.Objects;

/**
 * A work order's moments and deadlines.
 *
 * @param claimedAt    when an agent (last) took it, or null
 * @param endedAt      when it was resolved or closed, or null
 * @param claimDueAt   by when an agent must claim it (moved on escalation and on transfer back to a queue)
 * @param resolveDueAt by when it must be resolved (moved on escalation)
 */
public record TicketTimes(Instant createdAt, Instant claimedAt, Instant endedAt, Instant claimDueAt,
                          Instant resolveDueAt) {

    public TicketTimes {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(claimDueAt, "claimDueAt");
        Objects.requireNonNull(resolveDueAt, "resolveDueAt");
    }
}
