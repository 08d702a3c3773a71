package io.feedbackbot.sms.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the provider's JSON answers: a created Message ({@code sid}, {@code status}, {@code num_segments}, which
 * Twilio sends as a string) or an error ({@code code}, {@code message}). A 2xx we cannot read is
 * {@link SendResult.Unknown}: the message was probably created, we just do not know its sid.
 */
final class ProviderAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProviderAnswers() {
    }

    static SendResult accepted(int httpStatus, String answer) {
        JsonNode node = tree(answer);
        String sid = node == null ? "" : node.path("sid").asText("");
        if (sid.isBlank()) {
            return new SendResult.Unknown("the provider answered HTTP " + httpStatus + " without a message sid");
        }
        return new SendResult.Accepted(sid, node.path("status").asText("queued"),
                node.path("num_segments").asInt(0));
    }

    static SendResult rejected(int httpStatus, String answer) {
        JsonNode node = tree(answer);
        if (node == null) {
            return new SendResult.Rejected(httpStatus, 0, "HTTP " + httpStatus);
        }
        int code = node.path("code").asInt(node.path("error_code").asInt(0));
        String message = node.path("message").asText(node.path("error_message").asText("HTTP " + httpStatus));
        return new SendResult.Rejected(httpStatus, code, message);
    }

    private static JsonNode tree(String answer) {
        try {
            JsonNode node = JSON.readTree(answer);
            return node != null && node.isObject() ? node : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
