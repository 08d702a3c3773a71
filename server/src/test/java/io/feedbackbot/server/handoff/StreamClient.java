package io.feedbackbot.server.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackbot.server.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A script's connection to {@code /api/v1/agent/stream}: collects the JSON messages it receives. */
final class StreamClient implements WebSocket.Listener, AutoCloseable {

    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    static StreamClient connect(TestServer server, String... headers) {
        StreamClient client = new StreamClient();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        client.socket = builder.buildAsync(URI.create(server.url("/api/v1/agent/stream").replace("http:", "ws:")),
                client).join();
        return client;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            messages.add(TestServer.parse(partial.toString()));
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    void send(Object message) {
        socket.sendText(TestServer.json(message), true).join();
    }

    /** The next message matching {@code wanted}, skipping others (kept in {@link #seen}); fails after 20 s. */
    JsonNode next(Predicate<JsonNode> wanted, String what) {
        Instant give = Instant.now().plus(Duration.ofSeconds(20));
        try {
            while (Instant.now().isBefore(give)) {
                JsonNode m = messages.poll(100, TimeUnit.MILLISECONDS);
                if (m != null) {
                    seen.add(m);
                    if (wanted.test(m)) {
                        return m;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("no " + what + " in " + seen);
    }

    /** Everything received so far. */
    List<JsonNode> seen() {
        messages.drainTo(seen);
        return seen;
    }

    static Predicate<JsonNode> ticket(String event, String id) {
        return m -> m.path("type").asText().equals("ticket") && m.path("event").asText().equals(event)
                && m.path("ticket").path("id").asText().equals(id);
    }

    @Override
    public void close() {
        socket.abort();
    }
}
