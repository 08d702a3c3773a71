package io.feedbackbot.server.sms;

import io.feedbackbot.core.conversation.ConversationKey;
import io.feedbackbot.core.outbound.Delivery;
import io.feedbackbot.core.outbound.DeliveryOutcome;
import io.feedbackbot.core.outbound.OutboundSender;
import io.feedbackbot.sms.rest.SendResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's sender for SMS: invitations, reminders, timer-driven questions and agents' messages. Each
 * {@link Delivery#deliveryId()} becomes one send intent, so a delivery is sent at most once however often the
 * engine asks (after a crash, on another node). The intent id is a hash of the delivery id, which holds the
 * customer's number, so that logs and journal keys do not.
 *
 * <p>Last line of suppression: a conversation with an opt-out flag gets nothing, whatever asked for the send
 * (the dialog already declines invitations to it; this catches anything else, such as a delivery stranded before
 * the opt-out and re-sent after it). When the flag cannot be read, nothing is sent either.
 */
final class SmsOutboundSender implements OutboundSender {

    private static final Logger log = LoggerFactory.getLogger(SmsOutboundSender.class);

    private final Map<String, SmsLine> lines;
    private final SmsDispatch dispatch;
    private final Predicate<ConversationKey> optedOut;

    SmsOutboundSender(Map<String, SmsLine> lines, SmsDispatch dispatch, Predicate<ConversationKey> optedOut) {
        this.lines = Map.copyOf(lines);
        this.dispatch = Objects.requireNonNull(dispatch, "dispatch");
        this.optedOut = Objects.requireNonNull(optedOut, "optedOut");
    }

    @Override
    public DeliveryOutcome deliver(Delivery delivery) {
        ConversationKey to = delivery.to();
        SmsLine line = lines.get(to.account());
        if (line == null) {
            return new DeliveryOutcome.NotSent("no SMS account '" + to.account() + "'");
        }
        String intentId = intentId(delivery.deliveryId());
        SmsDispatch.Result result;
        try {
            if (optedOut.test(to)) {
                log.info("SMS {} to {} suppressed: the number opted out", intentId, to);
                return new DeliveryOutcome.NotSent("opted_out");
            }
            result = dispatch.send(line, intentId, delivery.deliveryId(), to.customer(), delivery.text(),
                    delivery.attributes());
        } catch (RuntimeException e) {
            log.warn("SMS {} to {} not sent: {}", intentId, to, e.toString());
            return new DeliveryOutcome.NotSent("could not check the opt-out flag or the send journal: " + e);
        }
        if (result instanceof SmsDispatch.Result.AlreadyHandled) {
            return new DeliveryOutcome.AlreadyHandled();
        }
        return outcome(((SmsDispatch.Result.Attempted) result).result());
    }

    static DeliveryOutcome outcome(SendResult result) {
        if (result instanceof SendResult.Accepted a) {
            return new DeliveryOutcome.Sent(a.sid());
        }
        if (result instanceof SendResult.Rejected r) {
            return new DeliveryOutcome.NotSent("rejected: HTTP " + r.httpStatus() + ", error " + r.errorCode());
        }
        if (result instanceof SendResult.NotSent n) {
            return new DeliveryOutcome.NotSent(n.reason());
        }
        return new DeliveryOutcome.Unknown(((SendResult.Unknown) result).reason());
    }

    /** {@code d-} and 128 bits of SHA-256 of the delivery id: stable, unique in practice, and free of numbers. */
    static String intentId(String deliveryId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(deliveryId.getBytes(StandardCharsets.UTF_8));
            return "d-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
