package io.feedbackbot.sms.delivery;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A {@link DeliveryStatusStore} in one process's memory, for tests and the simulator. Never expires anything. */
public final class InMemoryDeliveryStatusStore implements DeliveryStatusStore {

    private final ConcurrentMap<String, DeliveryRecord> records = new ConcurrentHashMap<>();

    @Override
    public Optional<DeliveryRecord> find(String messageSid) {
        return Optional.ofNullable(records.get(messageSid));
    }

    @Override
    public boolean insertIfAbsent(DeliveryRecord record) {
        return records.putIfAbsent(record.messageSid(), record) == null;
    }

    @Override
    public boolean replaceIfVersion(long expectedVersion, DeliveryRecord updated) {
        boolean[] replaced = {false};
        records.computeIfPresent(updated.messageSid(), (sid, current) -> {
            if (current.version() != expectedVersion) {
                return current;
            }
            replaced[0] = true;
            return updated;
        });
        return replaced[0];
    }
}
