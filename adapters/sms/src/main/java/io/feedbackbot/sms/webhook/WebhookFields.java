package io.feedbackbot.sms.webhook;

import io.feedbackbot.sms.form.FormParams;
import java.util.OptionalInt;

/** Reads the typed fields shared by inbound messages and status callbacks, with one-line errors naming the field. */
final class WebhookFields {

    private WebhookFields() {
    }

    static String required(FormParams params, String name) throws MalformedWebhookException {
        String value = params.first(name).orElse("");
        if (value.isBlank()) {
            throw new MalformedWebhookException("missing " + name);
        }
        return value;
    }

    static String messageSid(FormParams params) throws MalformedWebhookException {
        String sid = params.first("MessageSid").or(() -> params.first("SmsSid")).orElse("");
        if (sid.isBlank()) {
            throw new MalformedWebhookException("missing MessageSid");
        }
        if (sid.length() > 64) {
            throw new MalformedWebhookException("MessageSid is longer than 64 characters");
        }
        return sid;
    }

    static OptionalInt optionalInt(FormParams params, String name) throws MalformedWebhookException {
        String value = params.first(name).orElse("").strip();
        if (value.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            int n = Integer.parseInt(value);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return OptionalInt.of(n);
        } catch (NumberFormatException e) {
            throw new MalformedWebhookException(name + " is not a non-negative integer");
        }
    }
}
