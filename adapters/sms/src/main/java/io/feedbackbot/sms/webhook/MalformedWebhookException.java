package io.feedbackbot.sms.webhook;

/** A signed webhook whose parameters do not make a message or a callback; the message names the field (→ 400). */
public final class MalformedWebhookException extends Exception {

    public MalformedWebhookException(String message) {
        super(message);
    }
}
