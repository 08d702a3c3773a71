package io.feedbackbot.core.ticket;

/** What came of a {@link TicketChange}. */
public sealed interface ChangeResult {

    /** The change was made; the ticket as it is now. */
    record Applied(Ticket ticket) implements ChangeResult {
    }

    /** The ticket was not in the expected state (someone else changed it first); the ticket as it is now. */
    record Refused(Ticket current) implements ChangeResult {
    }

    /** There is no such ticket. */
    record Missing() implements ChangeResult {
    }
}
