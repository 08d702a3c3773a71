package io.feedbackbot.sms.delivery;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * What is known about one outbound message's delivery: its current status, the provider error code that came with
 * it (failures only, usually), and a version that grows by one with every stored change, used for
 * compare-and-set.
 */
public record DeliveryRecord(String messageSid, DeliveryStatus status, OptionalInt errorCode, long version) {

    public DeliveryRecord {
        Objects.requireNonNull(messageSid, "messageSid");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(errorCode, "errorCode");
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1: " + version);
        }
    }
}
