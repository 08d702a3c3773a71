package io.feedbackbot.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Builds the common replies: JSON bodies and one-line JSON errors. One shared, configured ObjectMapper. */
public final class Responses {

    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Responses() {
    }

    public static Reply.Full json(HttpResponseStatus status, Object body) {
        try {
            return new Reply.Full(status, "application/json; charset=utf-8", JSON.writeValueAsBytes(body), Map.of());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Reply.Full error(HttpResponseStatus status, String reason) {
        return json(status, Map.of("error", reason));
    }

    public static CompletableFuture<Reply> done(Reply reply) {
        return CompletableFuture.completedFuture(reply);
    }
}
