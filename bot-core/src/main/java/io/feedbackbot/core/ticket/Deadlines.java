package io.feedbackbot.core.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The deadline rules, pure: a ticket must be claimed and resolved within its priority's windows from opening. When
 * the deadline it is waiting on passes, it escalates one level (store → area → head office; a ticket whose store
 * has no area goes straight to the head office). Below the last level the missed deadline moves on by the same
 * window, so the new level gets as long to act as the first; at the last level it stays where it was, so the
 * ticket shows as overdue until someone acts.
 */
public final class Deadlines {

    private final Map<String, Windows> byPriority;

    /** @param byPriority windows per priority; must hold {@code normal}, used for unknown priorities */
    public Deadlines(Map<String, Windows> byPriority) {
        this.byPriority = Map.copyOf(byPriority);
        if (!this.byPriority.containsKey("normal")) {
            throw new IllegalArgumentException("the normal priority needs windows");
        }
    }

    public Windows of(String priority) {
        return byPriority.getOrDefault(priority, byPriority.get("normal"));
    }

    /** The times of a ticket opened at {@code createdAt}. */
    public TicketTimes initial(String priority, Instant createdAt) {
        Windows w = of(priority);
        return new TicketTimes(createdAt, null, null, createdAt.plus(w.claim()), createdAt.plus(w.resolve()));
    }

    /** A fresh claim deadline for a ticket put back in a queue at {@code at}. */
    public Instant claimDueFrom(Ticket ticket, Instant at) {
        return at.plus(of(ticket.origin().priority()).claim());
    }

    /** The escalation that is due for this ticket at {@code now}, if any. */
    public Optional<TicketChange.Escalate> escalation(Ticket ticket, Instant now) {
        Instant due = ticket.activeDue();
        int next = nextLevel(ticket);
        if (due == null || next < 0 || due.isAfter(now)) {
            return Optional.empty();
        }
        String kind = ticket.status() == TicketStatus.OPEN ? "claim" : "resolve";
        Windows w = of(ticket.origin().priority());
        Instant moved = next == Ticket.HEAD_OFFICE ? due : due.plus(kind.equals("claim") ? w.claim() : w.resolve());
        return Optional.of(new TicketChange.Escalate(kind, ticket.level(), next, due, moved, now));
    }

    /** Whether the ticket still has a level above it. */
    public static boolean canEscalate(Ticket ticket) {
        return nextLevel(ticket) >= 0;
    }

    /** The level an escalation takes this ticket to, or -1 at the last level. */
    static int nextLevel(Ticket ticket) {
        return switch (ticket.level()) {
            case Ticket.STORE -> ticket.origin().area() != null ? Ticket.AREA : Ticket.HEAD_OFFICE;
            case Ticket.AREA -> Ticket.HEAD_OFFICE;
            default -> -1;
        };
    }

    /**
     * How long a ticket of one priority may wait.
     *
     * @param claim   from opening until claimed
     * @param resolve from opening until resolved
     */
    public record Windows(Duration claim, Duration resolve) {
        public Windows {
            Objects.requireNonNull(claim, "claim");
            Objects.requireNonNull(resolve, "resolve");
        }
    }
}
