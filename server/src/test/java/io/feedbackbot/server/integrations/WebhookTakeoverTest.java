package io.feedbackbot.server.integrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feedbackbot.config.WebhookSettings;
import io.feedbackbot.redis.testing.TestRedis;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.XAddParams;

/** Events a node read but never delivered (it died) are taken over by another node and delivered. */
class WebhookTakeoverTest {

    private final UnifiedJedis redis = TestRedis.client();
    private final String stream = TestRedis.freshPrefix() + "{tickets}:events";
    private final MockWebServer receiverServer = new MockWebServer();
    private final RecordingReceiver receiver = new RecordingReceiver(0);
    private WebhookDispatcher survivor;

    @AfterEach
    void stop() throws IOException {
        if (survivor != null) {
            survivor.close();
        }
        receiverServer.shutdown();
    }

    private void ticketEvent(String id) {
        redis.xadd(stream, XAddParams.xAddParams().id(StreamEntryID.NEW_ENTRY), Map.of("id", id, "type", "opened",
                "json", "{}", "at", "1767225600000"));
    }

    @Test
    void eventsLeftPendingByADeadNodeAreDeliveredByAnother() throws Exception {
        receiverServer.setDispatcher(receiver);
        receiverServer.start();
        WebhookSettings settings = new WebhookSettings("crm", receiverServer.url("/hook").toString(),
                "whsec-takeover-0123456789", Set.of("ticket"), 5, Duration.ofMillis(20), Duration.ofMillis(50),
                Duration.ofSeconds(5));
        StreamGroup deadNode = new StreamGroup(redis, new EventSource.Tickets(stream), "crm", "dead-node");
        deadNode.ensure();
        for (int i = 0; i < 5; i++) {
            ticketEvent("T-" + i);
        }
        assertEquals(5, deadNode.readNew(10).size(), "the first node took the events, then died");

        survivor = new WebhookDispatcher(settings, List.of(new StreamGroup(redis, new EventSource.Tickets(stream), "crm",
                "node-b")), new OkHttpClient(), Duration.ofMillis(300)).start(Duration.ofMillis(50));
        ticketEvent("T-5");
        for (int i = 0; i < 200 && receiver.accepted().size() < 6; i++) {
            Thread.sleep(50);
        }

        Set<String> ids = new TreeSet<>();
        receiver.accepted().forEach(r -> ids.add(r.eventId().substring(0, 3)));
        assertEquals(Set.of("T-0", "T-1", "T-2", "T-3", "T-4", "T-5"), ids);
        assertTrue(receiver.requests.stream().filter(r -> !r.eventId().startsWith("T-5")).allMatch(r -> r.attempt() == 2),
                "a taken-over event counts the dead node's delivery as an attempt");
        for (int i = 0; i < 100 && deadNode.pending() > 0; i++) {
            Thread.sleep(50);
        }
        assertEquals(0, deadNode.pending(), "every event acknowledged");
    }
}
