package io.feedbackbot.server.integrations;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A webhook receiver for tests: refuses the first {@code failFirst} attempts of every event (500), then accepts,
 * and records every request and every accepted one.
 */
final class RecordingReceiver extends Dispatcher {

    /** One request as received. */
    record Received(String eventId, String signature, int attempt, byte[] body, int status) {
    }

    private final int failFirst;
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    final List<Received> requests = new CopyOnWriteArrayList<>();

    RecordingReceiver(int failFirst) {
        this.failFirst = failFirst;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String id = request.getHeader("X-Feedbackbot-Event-Id");
        int seen = attempts.computeIfAbsent(id == null ? "" : id, k -> new AtomicInteger()).incrementAndGet();
        int status = seen <= failFirst ? 500 : 200;
        requests.add(new Received(id, request.getHeader(WebhookSignature.HEADER),
                Integer.parseInt(request.getHeader("X-Feedbackbot-Delivery-Attempt")), request.getBody().readByteArray(), status));
        return new MockResponse().setResponseCode(status);
    }

    List<Received> accepted() {
        return requests.stream().filter(r -> r.status() == 200).toList();
    }
}
