package io.feedbackbot.sms.webhook;

import io.feedbackbot.sms.delivery.DeliveryStatus;
import io.feedbackbot.sms.form.FormParams;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A delivery report for an outbound SMS. The status is kept as sent because the provider adds statuses without
 * notice: {@link #status()} is empty for one this code does not know, and the caller acknowledges and ignores it.
 */
public record StatusCallback(String messageSid, String messageStatus, OptionalInt errorCode, FormParams raw) {

    public StatusCallback {
        Objects.requireNonNull(messageSid, "messageSid");
        Objects.requireNonNull(messageStatus, "messageStatus");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(raw, "raw");
    }

    public static StatusCallback from(FormParams params) throws MalformedWebhookException {
        String status = params.first("MessageStatus").or(() -> params.first("SmsStatus")).orElse("");
        if (status.isBlank()) {
            throw new MalformedWebhookException("missing MessageStatus");
        }
        return new StatusCallback(WebhookFields.messageSid(params), status.strip(),
                WebhookFields.optionalInt(params, "ErrorCode"), params);
    }

    public Optional<DeliveryStatus> status() {
        return DeliveryStatus.parse(messageStatus);
    }

    @Override
    public String toString() {
        return "StatusCallback[" + messageSid + " " + messageStatus + "]";
    }
}
