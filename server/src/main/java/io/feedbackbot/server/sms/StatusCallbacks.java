package io.feedbackbot.server.sms;

import io.feedbackbot.core.outbound.DeliveryEvents;
import io.feedbackbot.core.outbound.DeliveryState;
import io.feedbackbot.sms.delivery.DeliveryStatus;
import io.feedbackbot.sms.delivery.DeliveryTracker;
import io.feedbackbot.sms.webhook.StatusCallback;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies verified status callbacks: moves the stored delivery status forward (never back out of a final state,
 * whatever the arrival order; {@link DeliveryTracker} decides) and, when it changed to a state the rest of the bot
 * counts (sent, delivered, undelivered, failed), reports it to {@link DeliveryEvents} with the attributes the
 * delivery was sent with. Statuses this code does not know, and callbacks for messages it did not send, are
 * acknowledged and otherwise ignored. Blocking (Redis).
 */
final class StatusCallbacks {

    private static final Logger log = LoggerFactory.getLogger(StatusCallbacks.class);

    private final DeliveryTracker tracker;
    private final RedisSentMessages sent;
    private final DeliveryEvents events;
    private final Clock clock;

    StatusCallbacks(DeliveryTracker tracker, RedisSentMessages sent, DeliveryEvents events, Clock clock) {
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.sent = Objects.requireNonNull(sent, "sent");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    void apply(SmsLine line, StatusCallback callback) {
        Optional<DeliveryStatus> status = callback.status().filter(DeliveryStatus::isOutbound);
        if (status.isEmpty()) {
            log.debug("status '{}' of {} on {} ignored", callback.messageStatus(), callback.messageSid(), line.id());
            return;
        }
        DeliveryTracker.Update update = tracker.report(callback.messageSid(), status.get(), callback.errorCode());
        Optional<DeliveryState> state = state(update.record().status());
        if (!update.changed() || state.isEmpty()) {
            return;
        }
        sent.find(callback.messageSid()).ifPresent(message -> events.updated(message.deliveryId(),
                message.attributes(), state.get(), detail(callback), clock.instant()));
    }

    /** The bot-wide delivery state for a provider status, if it is one the bot counts. */
    static Optional<DeliveryState> state(DeliveryStatus status) {
        return switch (status) {
            case SENT -> Optional.of(DeliveryState.SENT);
            case DELIVERED, READ -> Optional.of(DeliveryState.DELIVERED);
            case UNDELIVERED -> Optional.of(DeliveryState.UNDELIVERED);
            case FAILED, CANCELED -> Optional.of(DeliveryState.FAILED);
            default -> Optional.empty();
        };
    }

    private static String detail(StatusCallback callback) {
        return callback.errorCode().isPresent()
                ? callback.messageStatus() + " (error " + callback.errorCode().getAsInt() + ")"
                : callback.messageStatus();
    }
}
