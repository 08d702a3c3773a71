package io.feedbackbot.sms.delivery;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Applies delivery reports (the REST answer's initial status, then status callbacks) to the shared store. Safe
 * under concurrent callbacks for one message on any number of nodes: each update is a compare-and-set on the
 * record's version, retried on conflict, and decided by {@link DeliveryStatus#after}, so the stored status only
 * moves forward whatever the arrival order.
 */
public final class DeliveryTracker {

    private static final int MAX_CONFLICTS = 16;

    private final DeliveryStatusStore store;

    public DeliveryTracker(DeliveryStatusStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** The outcome of one report: the record as stored afterwards and whether this report changed it. */
    public record Update(DeliveryRecord record, boolean changed) {
    }

    /**
     * Applies one report. A report for a message not seen yet creates its record: the callback can arrive before
     * the REST answer that carries the sid has been processed.
     *
     * @param errorCode the provider's error code, kept only when this report changes the status
     * @throws IllegalArgumentException when {@code reported} is an inbound status
     * @throws IllegalStateException when the store keeps conflicting (something else rewrites the record in a loop)
     */
    public Update report(String messageSid, DeliveryStatus reported, OptionalInt errorCode) {
        if (!reported.isOutbound()) {
            throw new IllegalArgumentException("'" + reported.wireName() + "' is not an outbound delivery status");
        }
        for (int attempt = 0; attempt < MAX_CONFLICTS; attempt++) {
            Optional<DeliveryRecord> current = store.find(messageSid);
            if (current.isEmpty()) {
                DeliveryRecord created = new DeliveryRecord(messageSid, reported, errorCode, 1);
                if (store.insertIfAbsent(created)) {
                    return new Update(created, true);
                }
                continue;
            }
            DeliveryRecord record = current.get();
            DeliveryStatus next = record.status().after(reported);
            if (next == record.status()) {
                return new Update(record, false);
            }
            DeliveryRecord updated = new DeliveryRecord(messageSid, next, errorCode, record.version() + 1);
            if (store.replaceIfVersion(record.version(), updated)) {
                return new Update(updated, true);
            }
        }
        throw new IllegalStateException("delivery record " + messageSid + " kept changing under " + MAX_CONFLICTS
                + " attempts to update it");
    }
}
