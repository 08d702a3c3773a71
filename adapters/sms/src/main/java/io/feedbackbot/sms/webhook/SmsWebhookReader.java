package io.feedbackbot.sms.webhook;

import io.feedbackbot.sms.form.FormParams;
import io.feedbackbot.sms.form.FormParser;
import io.feedbackbot.sms.form.MalformedFormException;
import io.feedbackbot.sms.signature.TwilioSignature;
import java.util.Objects;

/**
 * Turns the raw body and signature header of an SMS webhook into a verified message, for one account. The signature
 * is checked over the account's configured <em>public</em> URL, the one the provider called (behind a proxy it
 * differs from the local one), and over every received parameter. Pure and thread-safe: no I/O, so the Netty
 * handler may call it on the event loop.
 */
public final class SmsWebhookReader {

    private final TwilioSignature signature;

    public SmsWebhookReader(TwilioSignature signature) {
        this.signature = Objects.requireNonNull(signature, "signature");
    }

    /** An inbound SMS posted to {@code POST /webhooks/sms/{account}}. */
    public WebhookRead<InboundSms> readInbound(String publicUrl, String signatureHeader, byte[] body) {
        return read(publicUrl, signatureHeader, body, InboundSms::from);
    }

    /** A status callback posted to {@code POST /webhooks/sms/{account}/status}. */
    public WebhookRead<StatusCallback> readStatus(String publicUrl, String signatureHeader, byte[] body) {
        return read(publicUrl, signatureHeader, body, StatusCallback::from);
    }

    private interface Reader<T> {
        T read(FormParams params) throws MalformedWebhookException;
    }

    private <T> WebhookRead<T> read(String publicUrl, String signatureHeader, byte[] body, Reader<T> reader) {
        FormParams params;
        try {
            params = FormParser.parse(body);
        } catch (MalformedFormException e) {
            return new WebhookRead.Malformed<>(e.getMessage());
        }
        if (signatureHeader == null || signatureHeader.isBlank()) {
            return new WebhookRead.Forbidden<>("missing " + TwilioSignature.HEADER);
        }
        if (!signature.validate(publicUrl, params, signatureHeader.strip())) {
            return new WebhookRead.Forbidden<>(TwilioSignature.HEADER + " does not match " + publicUrl);
        }
        try {
            return new WebhookRead.Verified<>(reader.read(params));
        } catch (MalformedWebhookException e) {
            return new WebhookRead.Malformed<>(e.getMessage());
        }
    }
}
