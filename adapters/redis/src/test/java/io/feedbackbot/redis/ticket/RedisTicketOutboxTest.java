package io.feedbackbot.redis.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feedbackbot.core.ticket.TicketOutbox;
import io.feedbackbot.redis.RedisKeys;
import io.feedbackbot.redis.testing.TestRedis;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;

class RedisTicketOutboxTest {

    private final UnifiedJedis redis = TestRedis.client();
    private final RedisKeys keys = TestRedis.freshKeys();
    private final String requests = keys.global("{tickets}:requests");
    private final String updates = keys.global("{tickets}:updates");

    private void request(String id) {
        redis.xadd(requests, StreamEntryID.NEW_ENTRY, Map.of("id", id, "json", "{\"ticketId\":\"" + id
                + "\",\"conversation\":\"webchat:demo:u-1\",\"reason\":\"detractor\",\"priority\":\"high\","
                + "\"evidence\":{\"score\":\"3\"},\"surveyId\":\"s\",\"invitationId\":null,\"context\":{\"store\":\"SH-001\"},"
                + "\"answers\":[{\"question\":\"recommend\",\"value\":\"3\"}],\"at\":1700000000000}"));
    }

    @Test
    void entriesWrittenBeforeAnyConsumerStartedAreReadAndParsed() {
        request("t1");
        redis.xadd(updates, StreamEntryID.NEW_ENTRY, Map.of("id", "t1", "event", "follow_up",
                "json", "{\"solved\":\"yes\"}", "at", "1700000000001"));
        TicketOutbox outbox = new RedisTicketOutbox(redis, keys);

        List<TicketOutbox.Entry> entries = outbox.next("node-a", Duration.ofMillis(100), 10);

        assertEquals(2, entries.size());
        var requested = assertInstanceOf(TicketOutbox.Requested.class, entries.get(0)).request();
        assertEquals("t1", requested.ticketId());
        assertEquals("SH-001", requested.context().get("store"));
        assertEquals("3", requested.answers().get(0).value());
        var updated = assertInstanceOf(TicketOutbox.Updated.class, entries.get(1)).update();
        assertEquals(Map.of("solved", "yes"), updated.fields());
        assertEquals(Instant.ofEpochMilli(1700000000001L), updated.at());
    }

    @Test
    void anEntryNotMarkedDoneIsHandedToAnotherConsumerLaterAndOnlyThen() {
        TicketOutbox outbox = new RedisTicketOutbox(redis, keys);
        request("t2");
        TicketOutbox.Entry first = outbox.next("node-a", Duration.ofMillis(100), 10).get(0);

        assertEquals(List.of(), outbox.next("node-b", Duration.ofMillis(100), 10));
        List<TicketOutbox.Entry> again = outbox.abandoned("node-b", Duration.ZERO, 10);
        assertEquals(List.of(first.entryId()), again.stream().map(TicketOutbox.Entry::entryId).toList());

        outbox.done(again.get(0));
        assertEquals(List.of(), outbox.abandoned("node-c", Duration.ZERO, 10));
    }

    @Test
    void trimmingKeepsWhatIsPendingOrUnread() {
        TicketOutbox outbox = new RedisTicketOutbox(redis, keys);
        request("t3");
        request("t4");
        TicketOutbox.Entry pending = outbox.next("node-a", Duration.ofMillis(100), 1).get(0);
        request("t5");

        outbox.trim(Instant.now().plusSeconds(3600));

        assertTrue(redis.xlen(requests) >= 3, "nothing pending or unread was dropped");
        outbox.done(pending);
        List<TicketOutbox.Entry> rest = outbox.next("node-a", Duration.ofMillis(100), 10);
        rest.forEach(outbox::done);
        assertEquals(2, rest.size());
    }

    @Test
    void anUnreadableEntryIsReportedNotThrown() {
        TicketOutbox outbox = new RedisTicketOutbox(redis, keys);
        redis.xadd(requests, StreamEntryID.NEW_ENTRY, Map.of("id", "bad", "json", "{not json"));
        TicketOutbox.Entry entry = outbox.next("node-a", Duration.ofMillis(100), 10).get(0);
        assertInstanceOf(TicketOutbox.Unreadable.class, entry);
        outbox.done(entry);
        assertEquals(List.of(), outbox.abandoned("node-a", Duration.ZERO, 10));
    }
}
