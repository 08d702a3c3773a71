package io.feedbackbot.server.api;

import io.feedbackbot.core.answer.AnswerRecord;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shape of a stored answer, shared by the API, exports and integrations. */
public final class AnswerJson {

    private AnswerJson() {
    }

    public static Map<String, Object> of(AnswerRecord a) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("answerId", a.answerId());
        out.put("surveyId", a.surveyId());
        out.put("questionId", a.questionId());
        out.put("questionType", a.questionType());
        out.put("scale", a.scale());
        out.put("value", a.value());
        out.put("score", a.score());
        out.put("status", a.status().name().toLowerCase(java.util.Locale.ROOT));
        out.put("rawText", a.rawText());
        out.put("language", a.language().tag());
        out.put("channel", a.key().channel());
        out.put("account", a.key().account());
        out.put("customer", a.key().customer());
        out.put("invitationId", a.invitationId());
        out.put("campaignId", a.campaignId());
        out.put("context", a.context());
        out.put("askedAt", a.askedAt() == null ? null : a.askedAt().toString());
        out.put("answeredAt", a.answeredAt().toString());
        if (a.complaintProbability() != null) {
            out.put("complaint", Map.of("probability", a.complaintProbability(),
                    "category", a.complaintCategory() == null ? "other" : a.complaintCategory()));
        }
        return out;
    }
}
