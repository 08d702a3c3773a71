package io.feedbackbot.core.outbound;

/**
 * Sends messages to customers of one channel. Implementations send each {@link Delivery#deliveryId()} at most
 * once, even when asked again after a crash (they record the attempt before calling the provider), and report
 * failures as outcomes instead of throwing.
 */
@FunctionalInterface
public interface OutboundSender {

    DeliveryOutcome deliver(Delivery delivery);
}
