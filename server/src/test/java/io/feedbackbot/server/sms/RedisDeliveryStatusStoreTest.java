package io.feedbackbot.server.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feedbackbot.redis.testing.TestRedis;
import io.feedbackbot.sms.delivery.DeliveryRecord;
import io.feedbackbot.sms.delivery.DeliveryStatus;
import io.feedbackbot.sms.delivery.DeliveryTracker;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RedisDeliveryStatusStoreTest {

    private static final String SID = "SM0123456789abcdef0123456789abcdef";

    private final RedisDeliveryStatusStore store =
            new RedisDeliveryStatusStore(TestRedis.client(), TestRedis.freshKeys(), Duration.ofDays(30));

    @Test
    void insertsOnlyWhenAbsent() {
        DeliveryRecord queued = new DeliveryRecord(SID, DeliveryStatus.QUEUED, OptionalInt.empty(), 1);
        assertTrue(store.insertIfAbsent(queued));
        assertFalse(store.insertIfAbsent(new DeliveryRecord(SID, DeliveryStatus.SENT, OptionalInt.empty(), 1)));
        assertEquals(Optional.of(queued), store.find(SID));
    }

    @Test
    void replacesOnlyTheExpectedVersion() {
        store.insertIfAbsent(new DeliveryRecord(SID, DeliveryStatus.QUEUED, OptionalInt.empty(), 1));
        DeliveryRecord failed = new DeliveryRecord(SID, DeliveryStatus.FAILED, OptionalInt.of(30007), 2);
        assertFalse(store.replaceIfVersion(2, new DeliveryRecord(SID, DeliveryStatus.SENT, OptionalInt.empty(), 3)));
        assertTrue(store.replaceIfVersion(1, failed));
        assertFalse(store.replaceIfVersion(1, failed));
        assertEquals(Optional.of(failed), store.find(SID));
        assertFalse(store.replaceIfVersion(1, new DeliveryRecord("SMnone", DeliveryStatus.SENT, OptionalInt.empty(), 2)));
    }

    @Test
    void theTrackerNeverMovesAFinalStateBackOverRedis() {
        DeliveryTracker tracker = new DeliveryTracker(store);
        tracker.report(SID, DeliveryStatus.QUEUED, OptionalInt.empty());
        tracker.report(SID, DeliveryStatus.DELIVERED, OptionalInt.empty());
        DeliveryTracker.Update late = tracker.report(SID, DeliveryStatus.SENT, OptionalInt.empty());
        assertFalse(late.changed());
        assertEquals(DeliveryStatus.DELIVERED, store.find(SID).orElseThrow().status());
        assertEquals(2, store.find(SID).orElseThrow().version());
    }
}
