package io.feedbackbot.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/** Reads JSON request bodies, turning every way they can be wrong into a 400 with a one-line reason. */
public final class JsonBodies {

    private JsonBodies() {
    }

    /** The body as a JSON object. */
    public static JsonNode object(Request request) {
        try {
            JsonNode body = Responses.JSON.readTree(request.body());
            if (body == null || !body.isObject()) {
                throw HttpError.badRequest("the body must be a JSON object");
            }
            return body;
        } catch (JsonProcessingException e) {
            throw HttpError.badRequest("malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw HttpError.badRequest("malformed JSON");
        }
    }

    /** A required, non-blank string field. */
    public static String requiredText(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw HttpError.badRequest("'" + field + "' is required and must be a non-empty string");
        }
        return value.asText();
    }
}
