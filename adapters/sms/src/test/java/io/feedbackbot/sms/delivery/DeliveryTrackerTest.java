package io.feedbackbot.sms.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DeliveryTrackerTest {

    private static final String SID = "SM0123456789abcdef0123456789abcdef";

    private final InMemoryDeliveryStatusStore store = new InMemoryDeliveryStatusStore();
    private final DeliveryTracker tracker = new DeliveryTracker(store);

    @Test
    void theFirstReportCreatesTheRecord() {
        DeliveryTracker.Update u = tracker.report(SID, DeliveryStatus.QUEUED, OptionalInt.empty());
        assertTrue(u.changed());
        assertEquals(new DeliveryRecord(SID, DeliveryStatus.QUEUED, OptionalInt.empty(), 1), u.record());
    }

    @Test
    void aCallbackThatBeatsTheRestAnswerIsNotUndoneByIt() {
        tracker.report(SID, DeliveryStatus.SENT, OptionalInt.empty());
        DeliveryTracker.Update late = tracker.report(SID, DeliveryStatus.QUEUED, OptionalInt.empty());
        assertFalse(late.changed());
        assertEquals(DeliveryStatus.SENT, store.find(SID).orElseThrow().status());
    }

    @Test
    void aFailureKeepsItsErrorCodeAndALaterDeliveredDoesNotUndoIt() {
        tracker.report(SID, DeliveryStatus.SENT, OptionalInt.empty());
        tracker.report(SID, DeliveryStatus.UNDELIVERED, OptionalInt.of(30003));
        DeliveryTracker.Update late = tracker.report(SID, DeliveryStatus.DELIVERED, OptionalInt.empty());
        assertFalse(late.changed());
        assertEquals(new DeliveryRecord(SID, DeliveryStatus.UNDELIVERED, OptionalInt.of(30003), 2), late.record());
    }

    @Test
    void inboundStatusesAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> tracker.report(SID, DeliveryStatus.RECEIVED, OptionalInt.empty()));
        assertEquals(Optional.empty(), store.find(SID));
    }

    @Test
    void concurrentCallbacksInAnyOrderEndInTheMostAdvancedStatus() throws Exception {
        List<DeliveryStatus> reports = new ArrayList<>(List.of(DeliveryStatus.QUEUED, DeliveryStatus.SENDING,
                DeliveryStatus.SENT, DeliveryStatus.DELIVERED));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 50; round++) {
                String sid = SID + round;
                Collections.shuffle(reports, new Random(round));
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> done = new ArrayList<>();
                for (DeliveryStatus s : reports) {
                    done.add(pool.submit(() -> {
                        start.await();
                        return tracker.report(sid, s, OptionalInt.empty());
                    }));
                }
                start.countDown();
                for (Future<?> f : done) {
                    f.get();
                }
                assertEquals(DeliveryStatus.DELIVERED, store.find(sid).orElseThrow().status(), "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aStoreThatAlwaysConflictsEndsInAClearError() {
        DeliveryStatusStore conflicting = new DeliveryStatusStore() {
            @Override
            public Optional<DeliveryRecord> find(String messageSid) {
                return Optional.of(new DeliveryRecord(messageSid, DeliveryStatus.QUEUED, OptionalInt.empty(), 1));
            }

            @Override
            public boolean insertIfAbsent(DeliveryRecord record) {
                return false;
            }

            @Override
            public boolean replaceIfVersion(long expectedVersion, DeliveryRecord updated) {
                return false;
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new DeliveryTracker(conflicting).report(SID, DeliveryStatus.SENT, OptionalInt.empty()));
        assertTrue(e.getMessage().contains(SID));
    }
}
