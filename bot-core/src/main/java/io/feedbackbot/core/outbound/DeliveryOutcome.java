package io.feedbackbot.core.outbound;

/**
 * How a delivery went. The distinction between {@link NotSent} and {@link Unknown} is the delivery guarantee:
 * only a delivery that certainly did not reach the provider may be tried again.
 */
public sealed interface DeliveryOutcome {

    /** The provider accepted the message. */
    record Sent(String providerMessageId) implements DeliveryOutcome {
    }

    /** Certainly not sent (rejected, suppressed, no channel budget); {@code reason} says why. */
    record NotSent(String reason) implements DeliveryOutcome {
    }

    /** May or may not have been sent (timeout, connection lost after the request was written); never retried. */
    record Unknown(String reason) implements DeliveryOutcome {
    }

    /** This delivery id was already handled earlier; nothing was sent now. */
    record AlreadyHandled() implements DeliveryOutcome {
    }
}
