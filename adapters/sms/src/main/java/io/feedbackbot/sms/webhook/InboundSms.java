package io.feedbackbot.sms.webhook;

import io.feedbackbot.sms.form.FormParams;
import io.feedbackbot.sms.segment.SmsSegments;
import java.util.Objects;
import java.util.Optional;

/**
 * An SMS a customer sent, as the provider's webhook described it. {@code messageSid} is the dedupe key (a retried
 * webhook carries the same one); {@code raw} keeps every received parameter for signature checks and for fields
 * this record does not name.
 *
 * @param numSegments as the provider reported it, or counted from the body when it did not
 * @param optOutType  {@code STOP}, {@code START} or {@code HELP} when the provider matched a keyword itself
 */
public record InboundSms(String messageSid, String accountSid, String from, String to, String body, int numMedia,
                         int numSegments, Optional<String> optOutType, FormParams raw) {

    public InboundSms {
        Objects.requireNonNull(messageSid, "messageSid");
        Objects.requireNonNull(accountSid, "accountSid");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(optOutType, "optOutType");
        Objects.requireNonNull(raw, "raw");
    }

    /** Reads the webhook parameters; MessageSid, AccountSid, From and To are required, Body may be empty (MMS). */
    public static InboundSms from(FormParams params) throws MalformedWebhookException {
        String body = params.first("Body").orElse("");
        int numSegments = WebhookFields.optionalInt(params, "NumSegments")
                .orElseGet(() -> SmsSegments.count(body).segments());
        return new InboundSms(
                WebhookFields.messageSid(params),
                WebhookFields.required(params, "AccountSid"),
                WebhookFields.required(params, "From"),
                WebhookFields.required(params, "To"),
                body,
                WebhookFields.optionalInt(params, "NumMedia").orElse(0),
                numSegments,
                params.first("OptOutType").filter(s -> !s.isBlank()),
                params);
    }

    /** Identifies the message without its text or numbers, for logs. */
    @Override
    public String toString() {
        return "InboundSms[" + messageSid + "]";
    }
}
