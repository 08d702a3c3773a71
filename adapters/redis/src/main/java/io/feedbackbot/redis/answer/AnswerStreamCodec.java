package io.feedbackbot.redis.answer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedbackbot.core.answer.AnswerRecord;
import io.feedbackbot.core.answer.AnswerStatus;
import io.feedbackbot.core.answer.SurveyEvent;
import io.feedbackbot.core.conversation.ConversationKey;
import io.feedbackbot.core.conversation.Language;
import io.feedbackbot.core.conversation.SurveyStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lays answers and survey milestones out as stream entries: always the same fields in the same order (Redis
 * then stores field names once per stream node, which keeps an answer near 200 bytes), empty strings for absent
 * values, times in epoch milliseconds, the context as one JSON field.
 */
public final class AnswerStreamCodec {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private AnswerStreamCodec() {
    }

    /** Field, value, field, value… for XADD. */
    public static List<String> fields(AnswerRecord a) {
        List<String> f = new ArrayList<>(40);
        add(f, "inv", a.invitationId());
        add(f, "camp", a.campaignId());
        add(f, "q", a.questionId());
        add(f, "qt", a.questionType());
        add(f, "scale", a.scale());
        add(f, "v", a.value());
        add(f, "score", a.score() == null ? null : a.score().toString());
        add(f, "st", a.status().name());
        add(f, "raw", a.rawText());
        add(f, "lang", a.language().tag());
        add(f, "ch", a.key().channel());
        add(f, "acct", a.key().account());
        add(f, "cust", a.key().customer());
        add(f, "ctx", a.context().isEmpty() ? null : json(a.context()));
        add(f, "asked", a.askedAt() == null ? null : Long.toString(a.askedAt().toEpochMilli()));
        add(f, "at", Long.toString(a.answeredAt().toEpochMilli()));
        add(f, "cp", a.complaintProbability() == null ? null : a.complaintProbability().toString());
        add(f, "cc", a.complaintCategory());
        return f;
    }

    public static AnswerRecord answer(String surveyId, Map<String, String> f) {
        String invitationId = f.get("inv");
        String questionId = f.get("q");
        return new AnswerRecord(AnswerRecord.idFor(invitationId, questionId), surveyId, invitationId,
                blankToNull(f.get("camp")), questionId, f.get("qt"), blankToNull(f.get("scale")),
                blankToNull(f.get("v")), integer(f.get("score")), AnswerStatus.valueOf(f.get("st")),
                blankToNull(f.get("raw")), Language.fromTag(f.get("lang")).orElse(Language.ZH_CN),
                new ConversationKey(f.get("ch"), f.get("acct"), f.get("cust")), map(f.get("ctx")),
                instant(f.get("asked")), instant(f.get("at")), decimal(f.get("cp")), blankToNull(f.get("cc")));
    }

    public static List<String> fields(SurveyEvent e) {
        List<String> f = new ArrayList<>(20);
        add(f, "type", e.type().name());
        add(f, "inv", e.invitationId());
        add(f, "camp", e.campaignId());
        add(f, "ch", e.key().channel());
        add(f, "acct", e.key().account());
        add(f, "cust", e.key().customer());
        add(f, "status", e.status() == null ? null : e.status().name());
        add(f, "ctx", e.context().isEmpty() ? null : json(e.context()));
        add(f, "at", Long.toString(e.at().toEpochMilli()));
        return f;
    }

    public static SurveyEvent event(String surveyId, Map<String, String> f) {
        String status = blankToNull(f.get("status"));
        return new SurveyEvent(SurveyEvent.Type.valueOf(f.get("type")), surveyId, f.get("inv"),
                blankToNull(f.get("camp")), new ConversationKey(f.get("ch"), f.get("acct"), f.get("cust")),
                status == null ? null : SurveyStatus.valueOf(status), map(f.get("ctx")), instant(f.get("at")));
    }

    static String json(Map<String, String> map) {
        try {
            return JSON.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> map(String text) {
        if (text == null || text.isEmpty()) {
            return Map.of();
        }
        try {
            return JSON.readValue(text, STRING_MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored context is not valid JSON", e);
        }
    }

    private static void add(List<String> fields, String name, String value) {
        fields.add(name);
        fields.add(value == null ? "" : value);
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static Integer integer(String value) {
        return value == null || value.isEmpty() ? null : Integer.valueOf(value);
    }

    private static Double decimal(String value) {
        return value == null || value.isEmpty() ? null : Double.valueOf(value);
    }

    private static Instant instant(String value) {
        return value == null || value.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(value));
    }
}
