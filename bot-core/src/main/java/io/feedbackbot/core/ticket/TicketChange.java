package io.feedbackbot.core.ticket;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One change to a work order, applied atomically by the {@link TicketStore} only when the ticket is still in the
 * state the change expects (compare-and-set), and recorded in its history as {@link #event()}.
 */
public sealed interface TicketChange {

    Instant at();

    /** The history entry this change adds. */
    TicketEvent event();

    /** An agent takes an open ticket; refused when it is no longer open (someone else was quicker). */
    record Claim(String agent, Instant at) implements TicketChange {
        public Claim {
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(at, "at");
        }

        @Override
        public TicketEvent event() {
            return new TicketEvent("claimed", at, agent, Map.of());
        }
    }

    /**
     * Moves an active ticket to another queue (it waits there, open, with a fresh claim deadline) or to an agent
     * (who has it at once). At least one of {@code toQueue} and {@code toAgent} is given.
     */
    record Transfer(String by, String toQueue, String toAgent, Instant newClaimDue, String note, Instant at)
            implements TicketChange {
        public Transfer {
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(at, "at");
            if (toQueue == null && toAgent == null) {
                throw new IllegalArgumentException("a transfer names a queue or an agent");
            }
        }

        @Override
        public TicketEvent event() {
            Map<String, String> details = new LinkedHashMap<>();
            putIf(details, "queue", toQueue);
            putIf(details, "agent", toAgent);
            putIf(details, "note", note);
            return new TicketEvent("transferred", at, by, details);
        }
    }

    /** An internal note, seen by agents only. */
    record AddNote(String by, String text, Instant at) implements TicketChange {
        public AddNote {
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(at, "at");
        }

        @Override
        public TicketEvent event() {
            return new TicketEvent("note", at, by, Map.of("text", text));
        }
    }

    /** Records a message an agent sent ({@code message}, or {@code sms} for the SMS fallback) and how it went. */
    record LogMessage(String by, String type, Map<String, String> details, Instant at) implements TicketChange {
        public LogMessage {
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(at, "at");
            details = Map.copyOf(details);
        }

        @Override
        public TicketEvent event() {
            return new TicketEvent(type, at, by, details);
        }
    }

    /** Ends a claimed ticket with a note and the complaint label; only its assignee's when one is expected. */
    record Resolve(String by, String expectedAssignee, String note, Boolean complaint, Instant at)
            implements TicketChange {
        public Resolve {
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(at, "at");
        }

        @Override
        public TicketEvent event() {
            Map<String, String> details = new LinkedHashMap<>();
            putIf(details, "note", note);
            putIf(details, "complaint", complaint == null ? null : complaint.toString());
            return new TicketEvent("resolved", at, by, details);
        }
    }

    /**
     * Ends a ticket without contact: closed by a user ({@code by}) or because the customer left ({@code by} null,
     * reason {@code customer_left}). Applies only from the {@code from} statuses.
     */
    record Close(String by, String reason, String note, Set<TicketStatus> from, Instant at) implements TicketChange {
        public Close {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(at, "at");
            from = Set.copyOf(from);
        }

        @Override
        public TicketEvent event() {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("reason", reason);
            putIf(details, "note", note);
            return new TicketEvent("closed", at, by, details);
        }
    }

    /**
     * Raises the level after the {@code kind} ({@code claim} or {@code resolve}) deadline passed; applies only while
     * the ticket is still at {@code fromLevel} with that deadline at {@code expectedDue}, so a level fires once.
     */
    record Escalate(String kind, int fromLevel, int toLevel, Instant expectedDue, Instant newDue, Instant at)
            implements TicketChange {
        public Escalate {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(expectedDue, "expectedDue");
            Objects.requireNonNull(newDue, "newDue");
            Objects.requireNonNull(at, "at");
            if (toLevel <= fromLevel) {
                throw new IllegalArgumentException("an escalation goes up");
            }
        }

        @Override
        public TicketEvent event() {
            return new TicketEvent("escalated", at, null, Map.of("kind", kind, "from", Ticket.levelName(fromLevel),
                    "to", Ticket.levelName(toLevel), "level", Integer.toString(toLevel),
                    "due", expectedDue.toString()));
        }
    }

    /**
     * More evidence for an open or claimed work order (a complaint typed after the detractor score that opened it):
     * the merged evidence and, when the new evidence names one, the complaint category.
     */
    record AddEvidence(Map<String, String> evidence, String category, Instant at) implements TicketChange {
        public AddEvidence {
            evidence = Map.copyOf(evidence);
            Objects.requireNonNull(at, "at");
        }

        @Override
        public TicketEvent event() {
            Map<String, String> details = new java.util.LinkedHashMap<>();
            putIf(details, "category", category);
            putIf(details, "phrases", evidence.get("phrases"));
            return new TicketEvent("evidence", at, null, details);
        }
    }

    /** The customer's answer to the follow-up ({@code solved} or {@code handling}). */
    record RecordFollowUp(String question, String value, Instant at) implements TicketChange {
        public RecordFollowUp {
            Objects.requireNonNull(question, "question");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(at, "at");
        }

        @Override
        public TicketEvent event() {
            return new TicketEvent("follow_up", at, null, Map.of(question, value));
        }
    }

    private static void putIf(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }
}
