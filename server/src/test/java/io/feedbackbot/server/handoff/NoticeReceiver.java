package io.feedbackbot.server.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackbot.server.testing.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * Webhook receivers for escalation notices on a real local HTTP server: every request is recorded; a ticket can be
 * scripted to fail its first notices with 500. Answers like a WeCom robot ({@code {"errcode":0}}).
 */
final class NoticeReceiver implements AutoCloseable {

    private final MockWebServer server = new MockWebServer();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

    /** One notice as it arrived. */
    record Received(String path, Map<String, String> headers, String body) {
        JsonNode json() {
            return TestServer.parse(body);
        }
    }

    NoticeReceiver() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String body = request.getBody().readUtf8();
                Map<String, String> headers = new java.util.HashMap<>();
                request.getHeaders().forEach(p -> headers.put(p.getFirst().toLowerCase(java.util.Locale.ROOT), p.getSecond()));
                received.add(new Received(request.getPath(), headers, body));
                for (Map.Entry<String, AtomicInteger> f : failures.entrySet()) {
                    if (body.contains(f.getKey()) && f.getValue().getAndDecrement() > 0) {
                        return new MockResponse().setResponseCode(500).setBody("busy");
                    }
                }
                return new MockResponse().setHeader("Content-Type", "application/json")
                        .setBody("{\"errcode\":0,\"errmsg\":\"ok\"}");
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url(String path) {
        return server.url(path).toString();
    }

    /** Notices at {@code path} that mention the ticket. */
    List<Received> at(String path, String ticketId) {
        return received.stream().filter(r -> r.path().equals(path) && r.body().contains(ticketId)).toList();
    }

    /** Notices about the ticket anywhere. */
    List<Received> about(String ticketId) {
        return received.stream().filter(r -> r.body().contains(ticketId)).toList();
    }

    void failFirst(String ticketId, int times) {
        failures.put(ticketId, new AtomicInteger(times));
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
