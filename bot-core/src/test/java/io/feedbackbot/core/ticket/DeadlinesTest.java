package io.feedbackbot.core.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feedbackbot.core.conversation.ConversationKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeadlinesTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    private static final Deadlines DEADLINES = new Deadlines(Map.of(
            "urgent", new Deadlines.Windows(Duration.ofMinutes(10), Duration.ofHours(2)),
            "normal", new Deadlines.Windows(Duration.ofHours(2), Duration.ofHours(24))));

    private static Ticket ticket(String priority, String area, TicketStatus status, int level, TicketTimes times) {
        return new Ticket("t", new ConversationKey("webchat", "demo", "u"), new TicketOrigin("complaint", priority,
                null, Map.of(), null, null, Map.of(), List.of(), area == null ? null : "S1", area, null), "q",
                status == TicketStatus.OPEN ? null : "ann", status, level, times, null, null, 1);
    }

    @Test
    void deadlinesRunFromOpeningByPriorityAndUnknownPrioritiesCountAsNormal() {
        TicketTimes urgent = DEADLINES.initial("urgent", T0);
        assertEquals(T0.plus(Duration.ofMinutes(10)), urgent.claimDueAt());
        assertEquals(T0.plus(Duration.ofHours(2)), urgent.resolveDueAt());
        assertEquals(T0.plus(Duration.ofHours(2)), DEADLINES.initial("whatever", T0).claimDueAt());
    }

    @Test
    void nothingIsDueBeforeTheDeadline() {
        Ticket t = ticket("urgent", "east", TicketStatus.OPEN, 0, DEADLINES.initial("urgent", T0));
        assertTrue(DEADLINES.escalation(t, T0.plus(Duration.ofMinutes(9))).isEmpty());
    }

    @Test
    void aMissedClaimGoesToTheAreaAndGivesItAnotherWindow() {
        Ticket t = ticket("urgent", "east", TicketStatus.OPEN, 0, DEADLINES.initial("urgent", T0));
        TicketChange.Escalate e = DEADLINES.escalation(t, T0.plus(Duration.ofMinutes(10))).orElseThrow();
        assertEquals("claim", e.kind());
        assertEquals(Ticket.AREA, e.toLevel());
        assertEquals(T0.plus(Duration.ofMinutes(10)), e.expectedDue());
        assertEquals(T0.plus(Duration.ofMinutes(20)), e.newDue());
    }

    @Test
    void aTicketWithoutAnAreaGoesStraightToTheHeadOfficeAndItsDeadlineStaysPast() {
        Ticket t = ticket("urgent", null, TicketStatus.OPEN, 0, DEADLINES.initial("urgent", T0));
        TicketChange.Escalate e = DEADLINES.escalation(t, T0.plus(Duration.ofHours(1))).orElseThrow();
        assertEquals(Ticket.HEAD_OFFICE, e.toLevel());
        assertEquals(e.expectedDue(), e.newDue());
    }

    @Test
    void aClaimedTicketWaitsOnItsResolveDeadlineAndTheHeadOfficeIsTheLastLevel() {
        TicketTimes times = DEADLINES.initial("urgent", T0);
        Ticket claimed = ticket("urgent", "east", TicketStatus.CLAIMED, 1, times);
        TicketChange.Escalate e = DEADLINES.escalation(claimed, T0.plus(Duration.ofHours(2))).orElseThrow();
        assertEquals("resolve", e.kind());
        assertEquals(Ticket.HEAD_OFFICE, e.toLevel());

        Ticket top = ticket("urgent", "east", TicketStatus.CLAIMED, 2, times);
        assertTrue(DEADLINES.escalation(top, T0.plus(Duration.ofDays(9))).isEmpty());
        assertTrue(!Deadlines.canEscalate(top));
    }
}
