package io.feedbackbot.server.handoff.ticket;

import io.feedbackbot.core.conversation.CollectedAnswer;
import io.feedbackbot.core.store.Transcripts;
import io.feedbackbot.core.ticket.Ticket;
import io.feedbackbot.core.ticket.TicketEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tickets as JSON for the console and scripts: a summary for queues (the customer id masked) and the full ticket
 * with its history and transcript. Customer text is data here; the pages insert it as text only.
 */
public final class TicketViews {

    private final Duration nearDeadline;

    public TicketViews(Duration nearDeadline) {
        this.nearDeadline = nearDeadline;
    }

    /** Less than this left: "near" its deadline. */
    public Duration nearDeadline() {
        return nearDeadline;
    }

    /** {@code ok}, {@code near} or {@code past} for the deadline the ticket waits on; {@code none} once ended. */
    public String deadlineState(Ticket t, Instant now) {
        Instant due = t.activeDue();
        if (due == null) {
            return "none";
        }
        if (!due.isAfter(now)) {
            return "past";
        }
        return Duration.between(now, due).compareTo(nearDeadline) <= 0 ? "near" : "ok";
    }

    public Map<String, Object> summary(Ticket t, Instant now) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", t.id());
        out.put("channel", t.conversation().channel());
        out.put("account", t.conversation().account());
        out.put("customer", t.conversation().maskedCustomer());
        out.put("reason", t.origin().reason());
        out.put("priority", t.origin().priority());
        out.put("category", t.origin().category());
        out.put("score", score(t));
        out.put("excerpt", excerpt(t.origin().evidence().get("text")));
        out.put("store", t.origin().store());
        out.put("area", t.origin().area());
        out.put("touchpoint", t.origin().touchpoint());
        out.put("queue", t.queue());
        out.put("assignee", t.assignee());
        out.put("status", t.status().id());
        out.put("level", t.level());
        out.put("levelName", Ticket.levelName(t.level()));
        out.put("createdAt", t.times().createdAt().toString());
        out.put("claimedAt", text(t.times().claimedAt()));
        out.put("endedAt", text(t.times().endedAt()));
        out.put("claimDueAt", t.times().claimDueAt().toString());
        out.put("resolveDueAt", t.times().resolveDueAt().toString());
        Map<String, Object> deadline = new LinkedHashMap<>();
        deadline.put("kind", switch (t.status()) {
            case OPEN -> "claim";
            case CLAIMED -> "resolve";
            default -> null;
        });
        deadline.put("dueAt", text(t.activeDue()));
        deadline.put("state", deadlineState(t, now));
        out.put("deadline", deadline);
        out.put("version", t.version());
        return out;
    }

    public Map<String, Object> detail(Ticket t, List<TicketEvent> events, List<Transcripts.Numbered> transcript,
                                      Instant now, boolean smsFallback) {
        Map<String, Object> out = summary(t, now);
        out.put("conversation", t.conversation().id());
        out.put("evidence", t.origin().evidence());
        out.put("context", t.origin().context());
        out.put("surveyId", t.origin().surveyId());
        out.put("answers", t.origin().answers().stream().map(TicketViews::answer).toList());
        Map<String, Object> resolution = null;
        if (t.resolution() != null) {
            resolution = new LinkedHashMap<>();
            resolution.put("by", t.resolution().by());
            resolution.put("note", t.resolution().note());
            resolution.put("complaint", t.resolution().complaint());
            resolution.put("reason", t.resolution().reason());
        }
        out.put("resolution", resolution);
        Map<String, Object> followUp = new LinkedHashMap<>();
        followUp.put("solved", t.followUp().solved());
        followUp.put("handling", t.followUp().handling());
        out.put("followUp", followUp);
        out.put("events", events.stream().map(TicketViews::event).toList());
        out.put("escalations", events.stream().filter(e -> e.type().equals("escalated")).map(TicketViews::event).toList());
        out.put("transcript", transcript.stream().map(TicketViews::line).toList());
        out.put("smsFallback", smsFallback);
        return out;
    }

    public static Map<String, Object> line(Transcripts.Numbered n) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("seq", n.seq());
        out.put("from", n.line().from());
        out.put("text", n.line().text());
        out.put("at", n.line().at().toString());
        return out;
    }

    static Map<String, Object> event(TicketEvent e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", e.type());
        out.put("at", e.at().toString());
        out.put("by", e.by());
        out.put("details", e.details());
        return out;
    }

    private static Map<String, Object> answer(CollectedAnswer a) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("question", a.questionId());
        out.put("value", a.value());
        return out;
    }

    /** The score that opened it (a detractor's), else the first numeric answer, else null. */
    static String score(Ticket t) {
        String score = t.origin().evidence().get("score");
        if (score != null) {
            return score;
        }
        return t.origin().answers().stream().map(CollectedAnswer::value)
                .filter(v -> v != null && v.matches("\\d{1,2}")).findFirst().orElse(null);
    }

    private static String excerpt(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= 140 ? text : text.substring(0, 139) + "…";
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
