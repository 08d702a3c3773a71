package io.feedbackbot.redis.ticket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedbackbot.core.conversation.CollectedAnswer;
import io.feedbackbot.core.conversation.ConversationKey;
import io.feedbackbot.core.ticket.Ticket;
import io.feedbackbot.core.ticket.TicketEvent;
import io.feedbackbot.core.ticket.TicketOrigin;
import io.feedbackbot.core.ticket.TicketStatus;
import io.feedbackbot.core.ticket.TicketTimes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a ticket is laid out in its Redis hash: flat fields the change script compares and sets (status, assignee,
 * queue, level, due times in epoch millis), and JSON for what never changes (evidence, context, answers).
 */
final class TicketFields {

    static final String STATUS = "status";
    static final String ASSIGNEE = "assignee";
    static final String QUEUE = "queue";
    static final String LEVEL = "level";
    static final String CLAIMED_AT = "claimedAt";
    static final String ENDED_AT = "endedAt";
    static final String CLAIM_DUE = "claimDueAt";
    static final String RESOLVE_DUE = "resolveDueAt";
    static final String ENDED_BY = "endedBy";
    static final String NOTE = "note";
    static final String COMPLAINT = "complaint";
    static final String CLOSED_REASON = "closedReason";
    static final String FOLLOW_UP = "followUp.";
    static final String EVIDENCE = "evidence";
    static final String CATEGORY = "category";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() { };
    private static final TypeReference<List<Map<String, String>>> LIST = new TypeReference<>() { };

    private TicketFields() {
    }

    static Map<String, String> of(Ticket t) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("id", t.id());
        f.put("conversation", t.conversation().id());
        TicketOrigin o = t.origin();
        f.put("reason", o.reason());
        f.put("priority", o.priority());
        put(f, CATEGORY, o.category());
        f.put(EVIDENCE, json(o.evidence()));
        put(f, "surveyId", o.surveyId());
        put(f, "invitationId", o.invitationId());
        f.put("context", json(o.context()));
        List<Map<String, String>> answers = new ArrayList<>();
        for (CollectedAnswer a : o.answers()) {
            Map<String, String> answer = new LinkedHashMap<>();
            answer.put("question", a.questionId());
            put(answer, "value", a.value());
            put(answer, "score", a.score() == null ? null : a.score().toString());
            answers.add(answer);
        }
        f.put("answers", json(answers));
        put(f, "store", o.store());
        put(f, "area", o.area());
        put(f, "touchpoint", o.touchpoint());
        f.put(QUEUE, t.queue());
        put(f, ASSIGNEE, t.assignee());
        f.put(STATUS, t.status().id());
        f.put(LEVEL, Integer.toString(t.level()));
        f.put("createdAt", millis(t.times().createdAt()));
        put(f, CLAIMED_AT, millis(t.times().claimedAt()));
        put(f, ENDED_AT, millis(t.times().endedAt()));
        f.put(CLAIM_DUE, millis(t.times().claimDueAt()));
        f.put(RESOLVE_DUE, millis(t.times().resolveDueAt()));
        f.put("version", Long.toString(t.version()));
        return f;
    }

    static Ticket from(Map<String, String> f) {
        List<CollectedAnswer> answers = new ArrayList<>();
        for (Map<String, String> a : parse(f.get("answers"), LIST, List.<Map<String, String>>of())) {
            String score = a.get("score");
            answers.add(new CollectedAnswer(a.get("question"), a.get("value"),
                    score == null ? null : Integer.valueOf(score)));
        }
        TicketOrigin origin = new TicketOrigin(f.get("reason"), f.get("priority"), f.get(CATEGORY),
                parse(f.get(EVIDENCE), MAP, Map.of()), f.get("surveyId"), f.get("invitationId"),
                parse(f.get("context"), MAP, Map.of()), answers, f.get("store"), f.get("area"), f.get("touchpoint"));
        TicketTimes times = new TicketTimes(instant(f.get("createdAt")), instant(f.get(CLAIMED_AT)),
                instant(f.get(ENDED_AT)), instant(f.get(CLAIM_DUE)), instant(f.get(RESOLVE_DUE)));
        TicketStatus status = TicketStatus.parse(f.get(STATUS));
        Ticket.Resolution resolution = status.isFinal() ? new Ticket.Resolution(f.get(ENDED_BY), f.get(NOTE),
                f.containsKey(COMPLAINT) ? Boolean.valueOf(f.get(COMPLAINT)) : null, f.get(CLOSED_REASON)) : null;
        return new Ticket(f.get("id"), ConversationKey.parse(f.get("conversation")), origin, f.get(QUEUE),
                f.get(ASSIGNEE), status, Integer.parseInt(f.getOrDefault(LEVEL, "0")), times, resolution,
                new Ticket.FollowUp(f.get(FOLLOW_UP + "solved"), f.get(FOLLOW_UP + "handling")),
                Long.parseLong(f.getOrDefault("version", "0")));
    }

    static String event(TicketEvent e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", e.type());
        out.put("at", e.at().toEpochMilli());
        if (e.by() != null) {
            out.put("by", e.by());
        }
        out.put("details", e.details());
        return json(out);
    }

    static TicketEvent event(String text) {
        try {
            var node = JSON.readTree(text);
            Map<String, String> details = JSON.convertValue(node.path("details"), MAP);
            return new TicketEvent(node.path("type").asText(), Instant.ofEpochMilli(node.path("at").asLong()),
                    node.hasNonNull("by") ? node.get("by").asText() : null, details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable ticket event: " + e.getOriginalMessage(), e);
        }
    }

    static String millis(Instant at) {
        return at == null ? null : Long.toString(at.toEpochMilli());
    }

    private static Instant instant(String millis) {
        return millis == null || millis.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(millis));
    }

    private static void put(Map<String, String> f, String key, String value) {
        if (value != null) {
            f.put(key, value);
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T parse(String text, TypeReference<T> type, T fallback) {
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            return fallback;
        }
    }
}
