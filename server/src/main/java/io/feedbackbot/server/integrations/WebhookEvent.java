package io.feedbackbot.server.integrations;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.feedbackbot.core.answer.AnswerRecord;
import io.feedbackbot.server.api.AnswerJson;
import io.feedbackbot.server.http.Responses;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One event as receivers get it: {@code {"id", "type", "occurredAt", "data"}}. The id is stable — an answer's
 * id, or a ticket event's ticket id, type and time — so a receiver that sees it twice (at-least-once delivery)
 * drops the copy.
 */
public record WebhookEvent(String id, String type, Instant occurredAt, Object data) {

    public WebhookEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    public static WebhookEvent answer(AnswerRecord a) {
        return new WebhookEvent(a.answerId(), "answer", a.answeredAt(), AnswerJson.of(a));
    }

    /** A ticket event from its stream fields ({@code id}, {@code type}, {@code json}, {@code at} in epoch ms). */
    public static WebhookEvent ticket(Map<String, String> fields) {
        String id = Objects.requireNonNull(fields.get("id"), "ticket event without id");
        String type = fields.getOrDefault("type", "updated");
        Instant at = Instant.ofEpochMilli(Long.parseLong(fields.getOrDefault("at", "0")));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("ticketId", id);
        data.put("event", type);
        String json = fields.get("json");
        if (json != null && !json.isEmpty()) {
            try {
                data.put("details", Responses.JSON.readTree(json));
            } catch (JsonProcessingException e) {
                data.put("details", json);
            }
        }
        return new WebhookEvent(id + "/" + type + "/" + at.toEpochMilli(), "ticket." + type, at, data);
    }

    /** The request body: always the same bytes for the same event, so its signature is stable across retries. */
    public byte[] body() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("type", type);
        out.put("occurredAt", occurredAt.toString());
        out.put("data", data);
        try {
            return Responses.JSON.writeValueAsBytes(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
