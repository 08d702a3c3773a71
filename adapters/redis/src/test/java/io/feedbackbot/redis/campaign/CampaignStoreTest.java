package io.feedbackbot.redis.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feedbackbot.redis.testing.TestRedis;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Campaign definitions and statuses: compare-and-set moves announced to every node, shared pacing, tallies. */
class CampaignStoreTest {

    private static final Instant T0 = Instant.parse("2026-05-06T02:00:00Z");

    private final CampaignKeys keys = new CampaignKeys(TestRedis.freshKeys());
    private final RedisCampaignStore store = new RedisCampaignStore(TestRedis.client(), keys);

    @Test
    void aCampaignIsCreatedOnceAsADraft() {
        assertTrue(store.create("c1", "{\"name\":\"a\"}", T0));
        assertFalse(store.create("c1", "{\"name\":\"b\"}", T0));

        assertEquals("{\"name\":\"a\"}", store.definition("c1").orElseThrow());
        assertEquals(new StoredStatus("draft", 1, T0, "created"), store.status("c1").orElseThrow());
        assertEquals(List.of("c1"), store.list(10));
    }

    @Test
    void aStatusMovesOnlyFromTheStatesItIsAllowedToLeave() {
        store.create("c1", "{}", T0);

        var scheduled = store.move("c1", Set.of("draft"), "scheduled", "api", T0.plusSeconds(1));
        var again = store.move("c1", Set.of("draft"), "scheduled", "api", T0.plusSeconds(2));
        var missing = store.move("nope", Set.of("draft"), "scheduled", "api", T0);

        assertEquals(new RedisCampaignStore.Move.Moved(2, "scheduled"), scheduled);
        assertEquals(new RedisCampaignStore.Move.Refused("scheduled"), again);
        assertEquals(new RedisCampaignStore.Move.Refused(""), missing);
        assertEquals(2, store.status("c1").orElseThrow().version());
    }

    @Test
    void everySubscriberHearsAStatusChange() throws Exception {
        store.create("c1", "{}", T0);
        BlockingQueue<String> nodeA = new LinkedBlockingQueue<>();
        BlockingQueue<String> nodeB = new LinkedBlockingQueue<>();
        try (AutoCloseable a = store.subscribe(nodeA::add); AutoCloseable b = store.subscribe(nodeB::add)) {
            String heardA = null;
            String heardB = null;
            for (int i = 0; i < 100 && (heardA == null || heardB == null); i++) { // subscriptions start on their own threads
                store.move("c1", Set.of("draft", "paused"), "paused", "test", T0);
                heardA = heardA != null ? heardA : nodeA.poll(100, TimeUnit.MILLISECONDS);
                heardB = heardB != null ? heardB : nodeB.poll(100, TimeUnit.MILLISECONDS);
            }
            assertEquals("c1", heardA);
            assertEquals("c1", heardB);
        }
    }

    @Test
    void nodesSharingAnAccountShareItsPace() {
        PaceLimiter nodeA = new PaceLimiter(TestRedis.client(), keys);
        PaceLimiter nodeB = new PaceLimiter(TestRedis.client(), keys);

        PaceLimiter.Grant first = nodeA.take("sms", "main", 1.0, 10);
        PaceLimiter.Grant second = nodeB.take("sms", "main", 1.0, 10);

        assertEquals(1, first.granted(), "one second's worth: one message");
        assertEquals(0, second.granted());
        assertTrue(second.nextTokenIn().compareTo(Duration.ofSeconds(1)) <= 0 && !second.nextTokenIn().isZero());
        assertEquals(1, nodeB.take("sms", "other", 1.0, 10).granted(), "another account has its own bucket");
    }

    @Test
    void aRecipientIsCountedOnceHoweverOftenItIsReported() {
        CampaignTally tally = new CampaignTally(TestRedis.client(), keys, Duration.ofDays(90));
        CampaignTally.Mark responded = new CampaignTally.Mark("c1", 41, CampaignTally.Kind.RESPONDED, "");
        CampaignTally.Mark reminded = new CampaignTally.Mark("c1", 41, CampaignTally.Kind.REMINDED, "reminders");

        assertEquals(2, tally.markAll(List.of(responded, reminded)));
        assertEquals(0, tally.markAll(List.of(responded, reminded)));
        assertEquals(1, tally.markAll(List.of(new CampaignTally.Mark("c1", 41, CampaignTally.Kind.DELIVERED, ""),
                new CampaignTally.Mark("c1", 41, CampaignTally.Kind.UNDELIVERED, ""))));

        assertEquals(1L, tally.tallies("c1").get("responded"));
        assertEquals(1L, tally.tallies("c1").get("reminded"));
        assertEquals(2L, tally.tallies("c1").get("reminders"), "every reminder sent, for the record");
        assertEquals(1L, tally.tallies("c1").get("delivered"), "the first final delivery report wins");
        assertEquals(null, tally.tallies("c1").get("undelivered"));
        assertTrue(TestRedis.client().pttl(keys.campaign("c1", "tally")) > Duration.ofDays(89).toMillis(),
                "tallies expire after the retention from their last mark");
    }
}
