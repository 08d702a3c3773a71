package io.feedbackbot.redis.ticket;

import static io.feedbackbot.redis.ticket.TicketFields.ASSIGNEE;
import static io.feedbackbot.redis.ticket.TicketFields.CLAIMED_AT;
import static io.feedbackbot.redis.ticket.TicketFields.CLAIM_DUE;
import static io.feedbackbot.redis.ticket.TicketFields.CLOSED_REASON;
import static io.feedbackbot.redis.ticket.TicketFields.COMPLAINT;
import static io.feedbackbot.redis.ticket.TicketFields.ENDED_AT;
import static io.feedbackbot.redis.ticket.TicketFields.ENDED_BY;
import static io.feedbackbot.redis.ticket.TicketFields.FOLLOW_UP;
import static io.feedbackbot.redis.ticket.TicketFields.LEVEL;
import static io.feedbackbot.redis.ticket.TicketFields.NOTE;
import static io.feedbackbot.redis.ticket.TicketFields.QUEUE;
import static io.feedbackbot.redis.ticket.TicketFields.RESOLVE_DUE;
import static io.feedbackbot.redis.ticket.TicketFields.STATUS;
import static io.feedbackbot.redis.ticket.TicketFields.millis;

import io.feedbackbot.core.ticket.TicketChange;
import io.feedbackbot.core.ticket.TicketStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A {@link TicketChange} as the arguments of {@code ticket_change.lua}: the fields it expects (with the values it
 * accepts), the fields it sets and deletes, its event, and whether the ticket now starts its retention period.
 */
record ChangeArgs(Map<String, String> expect, Map<String, String> set, List<String> delete, boolean ends) {

    static ChangeArgs of(TicketChange change) {
        Map<String, String> expect = new LinkedHashMap<>();
        Map<String, String> set = new LinkedHashMap<>();
        List<String> delete = new ArrayList<>();
        String at = millis(change.at());
        boolean ends = false;
        if (change instanceof TicketChange.Claim claim) {
            expect.put(STATUS, "open");
            set.put(STATUS, "claimed");
            set.put(ASSIGNEE, claim.agent());
            set.put(CLAIMED_AT, at);
        } else if (change instanceof TicketChange.Transfer transfer) {
            expect.put(STATUS, "open|claimed");
            if (transfer.toQueue() != null) {
                set.put(QUEUE, transfer.toQueue());
            }
            if (transfer.toAgent() != null) {
                set.put(STATUS, "claimed");
                set.put(ASSIGNEE, transfer.toAgent());
                set.put(CLAIMED_AT, at);
            } else {
                set.put(STATUS, "open");
                set.put(CLAIM_DUE, millis(transfer.newClaimDue()));
                delete.add(ASSIGNEE);
                delete.add(CLAIMED_AT);
            }
        } else if (change instanceof TicketChange.Resolve resolve) {
            expect.put(STATUS, "claimed");
            if (resolve.expectedAssignee() != null) {
                expect.put(ASSIGNEE, resolve.expectedAssignee());
            }
            set.put(STATUS, "resolved");
            set.put(ENDED_AT, at);
            set.put(ENDED_BY, resolve.by());
            putIf(set, NOTE, resolve.note());
            putIf(set, COMPLAINT, resolve.complaint() == null ? null : resolve.complaint().toString());
            ends = true;
        } else if (change instanceof TicketChange.Close close) {
            expect.put(STATUS, close.from().stream().map(TicketStatus::id).sorted().collect(Collectors.joining("|")));
            set.put(STATUS, "closed");
            set.put(ENDED_AT, at);
            putIf(set, ENDED_BY, close.by());
            set.put(CLOSED_REASON, close.reason());
            putIf(set, NOTE, close.note());
            ends = true;
        } else if (change instanceof TicketChange.Escalate escalate) {
            expect.put(STATUS, escalate.kind().equals("claim") ? "open" : "claimed");
            expect.put(LEVEL, Integer.toString(escalate.fromLevel()));
            String due = escalate.kind().equals("claim") ? CLAIM_DUE : RESOLVE_DUE;
            expect.put(due, millis(escalate.expectedDue()));
            set.put(LEVEL, Integer.toString(escalate.toLevel()));
            set.put(due, millis(escalate.newDue()));
        } else if (change instanceof TicketChange.AddEvidence evidence) {
            expect.put(STATUS, "open|claimed");
            set.put(TicketFields.EVIDENCE, TicketFields.json(evidence.evidence()));
            putIf(set, TicketFields.CATEGORY, evidence.category());
        } else if (change instanceof TicketChange.RecordFollowUp followUp) {
            set.put(FOLLOW_UP + followUp.question(), followUp.value());
        }
        return new ChangeArgs(expect, set, delete, ends);
    }

    /** The script's arguments. */
    List<String> args(String event, Duration retention, int keepEvents) {
        List<String> args = new ArrayList<>();
        args.add(Integer.toString(expect.size()));
        expect.forEach((k, v) -> {
            args.add(k);
            args.add(v);
        });
        args.add(Integer.toString(set.size()));
        set.forEach((k, v) -> {
            args.add(k);
            args.add(v);
        });
        args.add(Integer.toString(delete.size()));
        args.addAll(delete);
        args.add(event);
        args.add(ends ? Long.toString(retention.toSeconds()) : "");
        args.add(Integer.toString(keepEvents));
        return args;
    }

    private static void putIf(Map<String, String> map, String key, String value) {
        if (value != null && !value.isEmpty()) {
            map.put(key, value);
        }
    }
}
