package io.feedbackbot.server.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What a route answers: a whole response, or a stream it writes itself (server-sent events, large exports). */
public sealed interface Reply {

    /** A complete response. */
    record Full(HttpResponseStatus status, String contentType, byte[] body, Map<String, String> headers)
            implements Reply {

        public Full {
            headers = Map.copyOf(headers);
        }

        public static Full text(HttpResponseStatus status, String contentType, String body) {
            return new Full(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
        }

        public Full withHeader(String name, String value) {
            java.util.Map<String, String> all = new java.util.HashMap<>(headers);
            all.put(name, value);
            return new Full(status, contentType, body, all);
        }
    }

    /**
     * A response the route writes over time. {@code start} runs on the channel's event loop once the route is
     * chosen; it must not block, and must end the response (or keep it open deliberately, as for events).
     */
    record Streamed(StreamStarter start) implements Reply {
    }

    /** Starts a streamed response on a channel. */
    @FunctionalInterface
    interface StreamStarter {
        void start(ChannelHandlerContext ctx, boolean keepAlive);
    }
}
