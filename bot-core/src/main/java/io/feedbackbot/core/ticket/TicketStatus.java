package io.feedbackbot.core.ticket;

import java.util.Locale;

/** Where a work order is: waiting in a queue, with an agent, or ended (resolved, or closed without contact). */
public enum TicketStatus {
    OPEN, CLAIMED, RESOLVED, CLOSED;

    /** The lower-case name used in URLs, JSON and Redis. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Resolved and closed tickets never change status again. */
    public boolean isFinal() {
        return this == RESOLVED || this == CLOSED;
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static TicketStatus parse(String id) {
        for (TicketStatus s : values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("status must be open, claimed, resolved or closed, not '" + id + "'");
    }
}
