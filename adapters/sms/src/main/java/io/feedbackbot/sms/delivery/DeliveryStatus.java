package io.feedbackbot.sms.delivery;

import java.util.Locale;
import java.util.Optional;

/**
 * The delivery state of an outbound SMS, as the provider reports it, and the pure rule for applying a (possibly late
 * or out-of-order) report to it. Invariants: a final state never moves back; the only move out of
 * {@link #DELIVERED} is forward to {@link #READ}; a report of an earlier stage than the current one changes nothing.
 */
public enum DeliveryStatus {
    SCHEDULED(0), ACCEPTED(1), QUEUED(2), SENDING(3), SENT(4), PARTIALLY_DELIVERED(5), DELIVERED(6), READ(7),
    UNDELIVERED(-1), FAILED(-1), CANCELED(-1),
    /** Inbound statuses; they never apply to an outbound message. */
    RECEIVING(-2), RECEIVED(-2);

    private final int stage;

    DeliveryStatus(int stage) {
        this.stage = stage;
    }

    /** The provider's spelling: {@code partially_delivered}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the provider's spelling, case-insensitively; empty for a status this code does not know. */
    public static Optional<DeliveryStatus> parse(String wire) {
        if (wire == null) {
            return Optional.empty();
        }
        String name = wire.strip().toUpperCase(Locale.ROOT);
        for (DeliveryStatus s : values()) {
            if (s.name().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Delivered, undelivered, failed, read or canceled: no later report moves it back. */
    public boolean isFinal() {
        return this == DELIVERED || this == READ || stage == -1;
    }

    /** False for the inbound statuses ({@code receiving}, {@code received}). */
    public boolean isOutbound() {
        return stage != -2;
    }

    /** True for a failure reported by the provider or a carrier: undelivered, failed, canceled. */
    public boolean isFailure() {
        return stage == -1;
    }

    /**
     * The status after {@code reported} arrives while this one is current. Pure; callers compare the result with
     * {@code this} to see whether anything changed.
     */
    public DeliveryStatus after(DeliveryStatus reported) {
        if (reported == this || reported.stage == -2 || stage == -2) {
            return this;
        }
        if (this == DELIVERED) {
            return reported == READ ? READ : this;
        }
        if (isFinal()) {
            return this;
        }
        if (reported.isFailure()) {
            return reported;
        }
        return reported.stage > stage ? reported : this;
    }
}
