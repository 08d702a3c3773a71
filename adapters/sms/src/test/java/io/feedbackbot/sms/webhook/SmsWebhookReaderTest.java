package io.feedbackbot.sms.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.feedbackbot.sms.delivery.DeliveryStatus;
import io.feedbackbot.sms.form.FormParams;
import io.feedbackbot.sms.signature.TwilioSignature;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SmsWebhookReaderTest {

    private static final String PUBLIC_URL = "https://bot.example.com/webhooks/sms/cn-main";
    private static final String LOCAL_URL = "http://127.0.0.1:8080/webhooks/sms/cn-main";
    private static final TwilioSignature SIGNATURE = new TwilioSignature("test-token");
    private static final FormParams INBOUND = FormParams.of(
            "ToCountry", "CN",
            "SmsMessageSid", "SM0123456789abcdef0123456789abcdef",
            "NumMedia", "0",
            "From", "+8613800000000",
            "To", "+8610690000",
            "Body", "9分, 很好 & 快",
            "NumSegments", "1",
            "MessageSid", "SM0123456789abcdef0123456789abcdef",
            "AccountSid", "AC0123456789abcdef0123456789abcdef",
            "SmsStatus", "received",
            "ApiVersion", "2010-04-01");

    private final SmsWebhookReader reader = new SmsWebhookReader(SIGNATURE);

    private static byte[] bytes(FormParams params) {
        return params.encode().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aCorrectlySignedInboundSmsIsVerifiedWithEveryField() {
        WebhookRead<InboundSms> read =
                reader.readInbound(PUBLIC_URL, SIGNATURE.sign(PUBLIC_URL, INBOUND), bytes(INBOUND));
        InboundSms expected = new InboundSms("SM0123456789abcdef0123456789abcdef",
                "AC0123456789abcdef0123456789abcdef", "+8613800000000", "+8610690000", "9分, 很好 & 快", 0, 1,
                Optional.empty(), INBOUND);
        assertEquals(new WebhookRead.Verified<>(expected), read);
        assertEquals(200, read.httpStatus());
    }

    @Test
    void aSignatureOverTheLocalUrlIsForbiddenBecauseTheProviderSignsThePublicOne() {
        WebhookRead<InboundSms> read =
                reader.readInbound(PUBLIC_URL, SIGNATURE.sign(LOCAL_URL, INBOUND), bytes(INBOUND));
        assertEquals(403, read.httpStatus());
        assertInstanceOf(WebhookRead.Forbidden.class, read);
    }

    @Test
    void aTamperedBodyIsForbidden() {
        String sig = SIGNATURE.sign(PUBLIC_URL, INBOUND);
        byte[] changedBody = INBOUND.encode().replace("Body=9", "Body=0").getBytes(StandardCharsets.UTF_8);
        assertEquals(403, reader.readInbound(PUBLIC_URL, sig, changedBody).httpStatus());
        assertEquals(403, reader.readInbound(PUBLIC_URL, sig, bytes(INBOUND.with("Extra", "1"))).httpStatus());
    }

    @Test
    void aMissingSignatureIsForbidden() {
        WebhookRead<InboundSms> read = reader.readInbound(PUBLIC_URL, null, bytes(INBOUND));
        assertEquals(new WebhookRead.Forbidden<InboundSms>("missing X-Twilio-Signature"), read);
        assertEquals(403, reader.readInbound(PUBLIC_URL, " ", bytes(INBOUND)).httpStatus());
    }

    @Test
    void aBodyThatIsNotAFormIsMalformed() {
        WebhookRead<InboundSms> read = reader.readInbound(PUBLIC_URL, "sig",
                "Body=100%".getBytes(StandardCharsets.UTF_8));
        assertEquals(new WebhookRead.Malformed<InboundSms>("malformed percent-escape at byte 8"), read);
    }

    @Test
    void aSignedFormWithoutTheSenderIsMalformed() {
        FormParams noFrom = FormParams.of("MessageSid", "SM1", "AccountSid", "AC1", "To", "+8610690000");
        WebhookRead<InboundSms> read = reader.readInbound(PUBLIC_URL, SIGNATURE.sign(PUBLIC_URL, noFrom),
                bytes(noFrom));
        assertEquals(new WebhookRead.Malformed<InboundSms>("missing From"), read);
    }

    @Test
    void aSignedFormWithANonNumericCountIsMalformed() {
        FormParams params = FormParams.of("MessageSid", "SM1", "AccountSid", "AC1", "From", "+1", "To", "+2",
                "NumMedia", "lots");
        WebhookRead<InboundSms> read = reader.readInbound(PUBLIC_URL, SIGNATURE.sign(PUBLIC_URL, params),
                bytes(params));
        assertEquals(new WebhookRead.Malformed<InboundSms>("NumMedia is not a non-negative integer"), read);
    }

    @Test
    void theProvidersOptOutMatchAndMissingSegmentCountAreRead() throws Exception {
        InboundSms sms = InboundSms.from(FormParams.of("MessageSid", "SM1", "AccountSid", "AC1",
                "From", "+8613800000000", "To", "+8610690000", "Body", "退订".repeat(40), "OptOutType", "STOP"));
        assertEquals(Optional.of("STOP"), sms.optOutType());
        assertEquals(2, sms.numSegments()); // 80 UCS-2 units, counted because the provider did not say
        assertEquals("InboundSms[SM1]", sms.toString());
    }

    @Test
    void aSignedStatusCallbackIsVerified() {
        FormParams cb = FormParams.of("MessageSid", "SMabc", "MessageStatus", "undelivered", "ErrorCode", "30003",
                "AccountSid", "AC1", "To", "+8613800000000");
        String url = PUBLIC_URL + "/status";
        WebhookRead<StatusCallback> read = reader.readStatus(url, SIGNATURE.sign(url, cb), bytes(cb));
        StatusCallback expected = new StatusCallback("SMabc", "undelivered", OptionalInt.of(30003), cb);
        assertEquals(new WebhookRead.Verified<>(expected), read);
        assertEquals(Optional.of(DeliveryStatus.UNDELIVERED), expected.status());
    }

    @Test
    void aStatusCallbackSignedForTheInboundUrlIsForbidden() {
        FormParams cb = FormParams.of("MessageSid", "SMabc", "MessageStatus", "delivered");
        assertEquals(403, reader.readStatus(PUBLIC_URL + "/status", SIGNATURE.sign(PUBLIC_URL, cb), bytes(cb))
                .httpStatus());
    }

    @Test
    void anUnknownStatusIsReadButHasNoDeliveryStatus() throws Exception {
        StatusCallback cb = StatusCallback.from(FormParams.of("MessageSid", "SMabc", "MessageStatus", "beamed"));
        assertEquals(Optional.empty(), cb.status());
        assertEquals(OptionalInt.empty(), cb.errorCode());
    }
}
