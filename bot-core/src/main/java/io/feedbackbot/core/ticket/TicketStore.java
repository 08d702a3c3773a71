package io.feedbackbot.core.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Durable work orders with their history. Changes are compare-and-set: a change applies only to the state it
 * expects, so two agents claiming at once get one winner, and a deadline escalates once however many nodes try.
 * Ended tickets are kept for the retention period, then forgotten with their history and index entries.
 */
public interface TicketStore {

    /** Stores a new ticket with its {@code created} event; false (and nothing changes) if the id exists already. */
    boolean create(Ticket ticket, TicketEvent created);

    Optional<Ticket> find(String id);

    /** The newest {@code limit} events, oldest first. */
    List<TicketEvent> events(String id, int limit);

    /** Applies a change if the ticket is in the state the change expects. */
    ChangeResult apply(String id, TicketChange change);

    /** Tickets matching the query, newest first. */
    List<Ticket> list(TicketQuery query);

    /** Ids of active tickets whose current deadline is at or before {@code now}, earliest first. */
    List<String> due(Instant now, int limit);

    /**
     * Puts a ticket back where it belongs in the indexes and the deadlines, or forgets its entries when it is gone
     * (for entries left behind by a node that died between a change and its indexing).
     */
    void repairIndex(String id);

    /** Forgets index entries of tickets that ended before {@code endedBefore} (the tickets expire by themselves). */
    void trim(Instant endedBefore);
}
