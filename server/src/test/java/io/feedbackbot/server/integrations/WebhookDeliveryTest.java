package io.feedbackbot.server.integrations;

import static io.feedbackbot.server.testing.TestServer.TOKEN;
import static io.feedbackbot.server.testing.TestServer.json;
import static io.feedbackbot.server.testing.TestServer.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackbot.redis.testing.TestRedis;
import io.feedbackbot.server.testing.TestServer;
import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAddParams;

/**
 * The "done when" for integrations: a receiver that fails the first 3 attempts of every event still
 * receives every answer, each once after dedupe by event id, signed with the webhook's secret.
 */
class WebhookDeliveryTest {

    private static final String SECRET = "whsec-test-0123456789abcdef";
    private static final MockWebServer crm = new MockWebServer();
    private static final MockWebServer broken = new MockWebServer();
    private static final RecordingReceiver receiver = new RecordingReceiver(3);
    private static final RecordingReceiver alwaysFailing = new RecordingReceiver(Integer.MAX_VALUE);
    private static TestServer server;

    @BeforeAll
    static void start() throws IOException {
        crm.setDispatcher(receiver);
        crm.start();
        broken.setDispatcher(alwaysFailing);
        broken.start();
        server = TestServer.start("integrations:\n  webhooks:\n"
                + "    - name: crm\n      url: " + crm.url("/hooks/feedback") + "\n      secret: " + SECRET + "\n"
                + "      events: [answer, ticket]\n      initialBackoff: 20ms\n      maxBackoff: 100ms\n      maxAttempts: 10\n"
                + "    - name: warehouse\n      url: " + broken.url("/ingest") + "\n      secret: " + SECRET + "\n"
                + "      events: [ticket]\n      initialBackoff: 20ms\n      maxBackoff: 40ms\n      maxAttempts: 2\n",
                Clock.systemUTC());
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        crm.shutdown();
        broken.shutdown();
    }

    private static Set<String> storedAnswerIds() {
        Set<String> ids = new TreeSet<>();
        for (String survey : List.of("post-delivery-nps", "post-service-csat")) {
            parse(server.get("/api/v1/responses?survey=" + survey, "Authorization", "Bearer " + TOKEN).body())
                    .path("responses").forEach(a -> ids.add(a.path("answerId").asText()));
        }
        return ids;
    }

    private static Set<String> acceptedIds() {
        Set<String> out = new TreeSet<>();
        receiver.accepted().forEach(r -> out.add(r.eventId()));
        return out;
    }

    private static JsonNode body(RecordingReceiver.Received r) {
        return parse(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
    }

    private static boolean isAnswer(RecordingReceiver.Received r) {
        return body(r).path("type").asText().equals("answer");
    }

    private static void waitFor(java.util.function.BooleanSupplier done) throws InterruptedException {
        for (int i = 0; i < 600 && !done.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
    }

    @Test
    void aReceiverFailingTheFirstThreeAttemptsStillGetsEveryAnswerOnceAfterDedupe() throws Exception {
        for (int i = 0; i < 8; i++) {
            server.post("/api/v1/surveys/post-delivery-nps/invitations", json(Map.of("channel", "webchat", "account",
                    "demo", "to", "wh-" + i, "context", Map.of("store", "SH-00" + (i % 3)))), "Authorization", "Bearer " + TOKEN);
            server.chat("wh-" + i, "m-1", Integer.toString(i + 3));
            server.chat("wh-" + i, "m-1", Integer.toString(i + 3));
            server.chat("wh-" + i, "m-2", "comment " + i);
        }
        Set<String> stored = storedAnswerIds();
        assertEquals(16, stored.size());

        waitFor(() -> acceptedIds().containsAll(stored));

        Set<String> answers = new TreeSet<>();
        receiver.accepted().stream().filter(WebhookDeliveryTest::isAnswer).forEach(r -> answers.add(r.eventId()));
        assertEquals(stored, answers, "every answer arrived, nothing else");
        Map<String, JsonNode> deduped = new LinkedHashMap<>();
        Map<String, Integer> tries = new HashMap<>();
        for (RecordingReceiver.Received r : receiver.requests.stream().filter(WebhookDeliveryTest::isAnswer).toList()) {
            assertTrue(WebhookSignature.verify(SECRET, r.body(), r.signature()), "signed: " + r.eventId());
            JsonNode event = parse(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(r.eventId(), event.path("id").asText(), "the header names the event in the body");
            tries.merge(r.eventId(), 1, Integer::sum);
            if (r.status() == 200) {
                deduped.putIfAbsent(event.path("id").asText(), event);
            }
        }
        assertEquals(stored, deduped.keySet());
        tries.forEach((id, n) -> assertTrue(n >= 4, id + " was tried " + n + " times"));
        JsonNode first = deduped.values().iterator().next();
        assertEquals("answer", first.path("type").asText());
        assertEquals(first.path("id").asText(), first.path("data").path("answerId").asText());
        assertTrue(first.path("data").path("context").has("store"), "answers carry their context");

        waitFor(() -> receiver.accepted().stream().anyMatch(r -> body(r).path("type").asText().equals("ticket.created")));
        JsonNode opened = receiver.accepted().stream().map(WebhookDeliveryTest::body)
                .filter(e -> e.path("type").asText().equals("ticket.created")).findFirst().orElseThrow();
        assertEquals("post-delivery-nps", opened.path("data").path("details").path("surveyId").asText(),
                "a detractor's work order, from the hand-off itself: " + opened);
        assertTrue(opened.path("data").path("details").path("store").asText().startsWith("SH-00"), opened.toString());
    }

    @Test
    void ticketEventsAreDeliveredAndDeadLetteredWhereTheReceiverNeverAccepts() throws Exception {
        String stream = server.prefix + "{tickets}:events";
        for (String type : List.of("opened", "claimed", "resolved")) {
            TestRedis.client().xadd(stream, XAddParams.xAddParams().id(StreamEntryID.NEW_ENTRY), Map.of("id", "T-1",
                    "type", type, "json", "{\"agent\":\"li\"}", "at", "1767225600000"));
        }

        waitFor(() -> acceptedIds().containsAll(Set.of("T-1/opened/1767225600000", "T-1/claimed/1767225600000",
                "T-1/resolved/1767225600000")));
        Set<String> types = new HashSet<>();
        receiver.accepted().forEach(r -> types.add(parse(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8))
                .path("type").asText()));
        assertTrue(types.containsAll(Set.of("ticket.opened", "ticket.claimed", "ticket.resolved")), types.toString());

        waitFor(() -> status("warehouse").path("deadLetters").asInt() >= 3 && status("warehouse").path("pending").asInt() == 0
                && alwaysFailing.requests.size() == 2 * status("warehouse").path("deadLetters").asInt());
        JsonNode warehouse = status("warehouse");
        int dead = warehouse.path("deadLetters").asInt();
        assertTrue(dead >= 3, "the three above, and any real work order's events: " + warehouse);
        assertEquals(0, warehouse.path("pending").asInt(), "dead letters leave nothing pending");
        assertEquals(2 * dead, alwaysFailing.requests.size(), "two attempts each, then given up");
        assertTrue(server.get("/metrics").body().contains("feedbackbot_webhook_events_total{outcome=\"dead_lettered\",webhook=\"warehouse\"} "
                + dead + ".0"));
    }

    private static JsonNode status(String name) {
        for (JsonNode w : parse(server.get("/api/v1/integrations/webhooks", "Authorization", "Bearer " + TOKEN).body())
                .path("webhooks")) {
            if (w.path("name").asText().equals(name)) {
                return w;
            }
        }
        throw new AssertionError("no webhook " + name);
    }
}
