package io.feedbackbot.sms.delivery;

import java.util.Optional;

/**
 * Where delivery records live, shared by every node. Only two writes, both atomic, so that concurrent status
 * callbacks for the same message (the provider sends them in parallel and out of order) never overwrite each
 * other: {@link DeliveryTracker} reads, decides with the pure {@link DeliveryStatus#after} rule, and writes with
 * compare-and-set, retrying on conflict. Implementations expire records (a few weeks); nothing else.
 */
public interface DeliveryStatusStore {

    Optional<DeliveryRecord> find(String messageSid);

    /** Stores {@code record} (version 1) only if no record exists for its sid; false when one already exists. */
    boolean insertIfAbsent(DeliveryRecord record);

    /**
     * Replaces the record for {@code updated.messageSid()} only if the stored version is {@code expectedVersion};
     * {@code updated.version()} is {@code expectedVersion + 1}. False when the stored version differs or no record
     * exists.
     */
    boolean replaceIfVersion(long expectedVersion, DeliveryRecord updated);
}
