package io.feedbackbot.server.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackbot.redis.campaign.StoredStatus;
import io.feedbackbot.server.campaign.testing.StubProvider;
import io.feedbackbot.server.testing.TestServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two nodes on one Redis share a campaign: nobody is sent twice, and pause, resume and cancel reach both. */
class TwoNodeCampaignTest {

    private final StubProvider stub = new StubProvider();
    private final TestServer nodeA = TestServer.start("campaigns:\n  lease: 5s\n", stub.channelsYaml("2s"),
            Clock.systemUTC());
    private final TestServer nodeB = nodeA.anotherNode();
    private final CampaignClient api = new CampaignClient(nodeA);
    private final CampaignClient apiB = new CampaignClient(nodeB);

    @AfterEach
    void stop() {
        nodeB.close();
        nodeA.close();
        stub.close();
    }

    private String campaign(int recipients, String pacing) {
        String id = api.create("{\"survey\":\"post-delivery-nps\",\"channel\":\"sms\",\"account\":\"cn\","
                + WebchatCampaignTest.EVERY_HOUR + ",\"pacing\":" + pacing + ",\"fatigue\":\"off\"}").path("id").asText();
        StringBuilder csv = new StringBuilder("id,phone\n");
        for (int i = 0; i < recipients; i++) {
            csv.append("r").append(i).append(",1380000").append(String.format("%04d", i)).append('\n');
        }
        assertEquals(200, api.upload(id, csv.toString()).statusCode());
        return id;
    }

    private static Optional<String> observed(TestServer node, String id) {
        return node.app().campaigns().dispatcher().observed(id).map(StoredStatus::status);
    }

    private static void awaitBoth(TestServer a, TestServer b, String id, String status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!(observed(a, id).equals(Optional.of(status)) && observed(b, id).equals(Optional.of(status)))) {
            assertTrue(System.nanoTime() < deadline, "both nodes should see " + status + ": " + observed(a, id)
                    + ", " + observed(b, id));
            CampaignClient.sleep(10);
        }
    }

    private void awaitIdle() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (nodeA.app().campaigns().dispatcher().inFlight() + nodeB.app().campaigns().dispatcher().inFlight() > 0) {
            assertTrue(System.nanoTime() < deadline, "in-flight sends should finish");
            CampaignClient.sleep(10);
        }
    }

    @Test
    void twoNodesSendEachRecipientOnce() {
        String id = campaign(2_000, "\"off\"");

        api.command(id, "schedule");
        JsonNode done = apiB.awaitView(id, Duration.ofSeconds(60), v -> v.path("status").asText().equals("completed"));

        assertEquals(2_000, done.path("progress").path("sent").asInt());
        assertEquals(2_000, stub.provider.created().size());
        assertEquals(2_000, stub.perNumber().size());
    }

    @Test
    void pauseResumeAndCancelReachBothNodes() {
        String id = campaign(400, "{\"perSecond\":40}");
        api.command(id, "schedule");
        apiB.awaitView(id, Duration.ofSeconds(20), v -> v.path("progress").path("sent").asInt() >= 20);

        assertEquals(200, api.command(id, "pause").statusCode());
        awaitBoth(nodeA, nodeB, id, "paused");
        awaitIdle();
        int atPause = stub.provider.created().size();
        CampaignClient.sleep(1_500); // a quiet stretch in which a running campaign would send ~60 more
        assertEquals(atPause, stub.provider.created().size(), "nothing is sent while paused");

        assertEquals(200, apiB.command(id, "resume").statusCode());
        awaitBoth(nodeA, nodeB, id, "running");
        api.awaitView(id, Duration.ofSeconds(20), v -> v.path("progress").path("sent").asInt() > atPause);

        assertEquals(200, api.command(id, "cancel").statusCode());
        JsonNode cancelled = apiB.awaitView(id, Duration.ofSeconds(20),
                v -> v.path("progress").path("pending").asInt() == 0);
        awaitIdle();

        JsonNode progress = cancelled.path("progress");
        assertEquals("cancelled", cancelled.path("status").asText());
        assertTrue(progress.path("skipped").path("byReason").path("cancelled").asInt() > 0);
        assertEquals(400, progress.path("sent").asInt() + progress.path("skipped").path("total").asInt());
        assertEquals(progress.path("sent").asInt(), stub.provider.created().size());
        assertEquals(List.of(), stub.perNumber().values().stream().filter(n -> n > 1).toList());
    }
}
