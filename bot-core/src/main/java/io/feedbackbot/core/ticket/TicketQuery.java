package io.feedbackbot.core.ticket;

import java.util.Set;

/**
 * Which tickets to list, newest first.
 *
 * @param queues     only these queues; null for every queue
 * @param statuses   only these statuses (at least one)
 * @param assignedTo also the claimed tickets of this agent, whatever their queue (null: no one)
 * @param limit      at most this many
 */
public record TicketQuery(Set<String> queues, Set<TicketStatus> statuses, String assignedTo, int limit) {

    public TicketQuery {
        queues = queues == null ? null : Set.copyOf(queues);
        statuses = Set.copyOf(statuses);
        if (statuses.isEmpty()) {
            throw new IllegalArgumentException("name at least one status");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }

    public TicketQuery(Set<String> queues, Set<TicketStatus> statuses, int limit) {
        this(queues, statuses, null, limit);
    }
}
