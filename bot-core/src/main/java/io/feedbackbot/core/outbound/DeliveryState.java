package io.feedbackbot.core.outbound;

/** How far a sent message got, as the provider reports it later. {@link #isFinal() Final} states never change. */
public enum DeliveryState {
    /** The provider accepted it. */
    SENT(false),
    /** It reached the customer's device or app. */
    DELIVERED(true),
    /** The provider or carrier could not deliver it. */
    UNDELIVERED(true),
    /** It failed before leaving the provider. */
    FAILED(true);

    private final boolean terminal;

    DeliveryState(boolean terminal) {
        this.terminal = terminal;
    }

    public boolean isFinal() {
        return terminal;
    }
}
