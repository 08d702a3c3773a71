package io.feedbackbot.server.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feedbackbot.core.conversation.ConversationKey;
import io.feedbackbot.redis.RedisKeys;
import io.feedbackbot.redis.testing.TestRedis;
import io.feedbackbot.sms.form.FormParams;
import io.feedbackbot.sms.provider.FakeTwilioProvider;
import io.feedbackbot.sms.signature.TwilioSignature;
import io.feedbackbot.sms.sim.SimulatedReply;
import io.feedbackbot.sms.sim.SimulatedSms;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Requests that are not the provider's, or not well-formed, are refused and change nothing. */
class SmsWebhookSecurityTest {

    private static SmsRig rig;

    @BeforeAll
    static void start() {
        rig = SmsRig.start("");
    }

    @AfterAll
    static void stop() throws Exception {
        rig.close();
    }

    private static boolean conversationExists(String customer) {
        RedisKeys keys = new RedisKeys(rig.server.prefix);
        return TestRedis.client().exists(keys.conversation(new ConversationKey("sms", "main", customer), "state"));
    }

    private static HttpResponse<String> postSigned(String path, FormParams form, String signature) {
        return rig.server.postForm(path, form.encode(), TwilioSignature.HEADER, signature);
    }

    @Test
    void aWrongSignatureIsForbiddenAndStoresNothing() {
        String customer = "+8613800000101";
        SimulatedSms sms = rig.simulator.compose(customer, SmsRig.NUMBER, "你好");
        long keysBefore = rig.server.keyCount();

        HttpResponse<String> response = postSigned("/webhooks/sms/main", sms.params(),
                new TwilioSignature("not-the-token").sign(SmsRig.PUBLIC_URL, sms.params()));

        assertEquals(403, response.statusCode(), response.body());
        assertTrue(response.body().contains("X-Twilio-Signature"), response.body());
        assertEquals(keysBefore, rig.server.keyCount());
        assertFalse(conversationExists(customer));
    }

    @Test
    void aMissingSignatureIsForbidden() {
        SimulatedSms sms = rig.simulator.compose("+8613800000102", SmsRig.NUMBER, "你好");
        assertEquals(403, rig.server.postForm("/webhooks/sms/main", sms.params().encode()).statusCode());
    }

    @Test
    void aSignatureOverTheLocalUrlInsteadOfThePublicOneIsForbidden() throws Exception {
        String customer = "+8613800000103";
        SimulatedSms sms = rig.simulator.compose(customer, SmsRig.NUMBER, "你好");

        SimulatedReply reply = rig.simulator.post(rig.localUrl(), rig.localUrl(), sms);

        assertEquals(403, reply.httpStatus());
        assertFalse(conversationExists(customer));
    }

    @Test
    void aParameterChangedAfterSigningIsForbidden() {
        SimulatedSms sms = rig.simulator.compose("+8613800000104", SmsRig.NUMBER, "9");
        String signature = new TwilioSignature(SmsRig.AUTH_TOKEN).sign(SmsRig.PUBLIC_URL, sms.params());

        HttpResponse<String> response = postSigned("/webhooks/sms/main", sms.params().with("Body", "0"), signature);

        assertEquals(403, response.statusCode());
    }

    @Test
    void aMalformedFormIsABadRequest() {
        long keysBefore = rig.server.keyCount();

        HttpResponse<String> response = rig.server.postForm("/webhooks/sms/main", "Body=%zz&From=%2B86",
                TwilioSignature.HEADER, "x");

        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("percent-escape"), response.body());
        assertEquals(keysBefore, rig.server.keyCount());
    }

    @Test
    void aSignedFormWithoutAMessageSidIsABadRequest() {
        FormParams form = FormParams.of("AccountSid", SmsRig.ACCOUNT_SID, "From", "+8613800000105",
                "To", SmsRig.NUMBER, "Body", "hi");
        HttpResponse<String> response = postSigned("/webhooks/sms/main", form,
                new TwilioSignature(SmsRig.AUTH_TOKEN).sign(SmsRig.PUBLIC_URL, form));
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("MessageSid"), response.body());
    }

    @Test
    void aSignedMessageFromSomethingThatIsNotAPhoneNumberIsABadRequest() {
        SimulatedSms sms = rig.simulator.compose("12345", SmsRig.NUMBER, "hi");
        HttpResponse<String> response = postSigned("/webhooks/sms/main", sms.params(),
                new TwilioSignature(SmsRig.AUTH_TOKEN).sign(SmsRig.PUBLIC_URL, sms.params()));
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("From is not a valid phone number"), response.body());
    }

    @Test
    void aBodyOneByteOver64KibIsTooLarge() {
        String body = "Body=" + "a".repeat(64 * 1024 + 1 - "Body=".length());
        assertEquals(64 * 1024 + 1, body.length());

        HttpResponse<String> response = rig.server.postForm("/webhooks/sms/main", body, TwilioSignature.HEADER, "x");

        assertEquals(413, response.statusCode());
    }

    @Test
    void anUnknownAccountIsNotFound() {
        SimulatedSms sms = rig.simulator.compose("+8613800000106", SmsRig.NUMBER, "hi");
        assertEquals(404, postSigned("/webhooks/sms/nope", sms.params(), "x").statusCode());
    }

    @Test
    void aForgedStatusCallbackIsForbiddenAndChangesNothing() throws Exception {
        FakeTwilioProvider forger = new FakeTwilioProvider(SmsRig.ACCOUNT_SID, "not-the-token", 1);
        FakeTwilioProvider.Created fake = new FakeTwilioProvider.Created("SMforged0123456789abcdef0123456789",
                FormParams.of("To", "+8613800000107", "StatusCallback", SmsRig.PUBLIC_URL + "/status"));
        long keysBefore = rig.server.keyCount();

        int status = forger.postStatus(rig.http, fake, "failed", "30007", rig.server.url("/webhooks/sms/main/status"));

        assertEquals(403, status);
        assertEquals(keysBefore, rig.server.keyCount());
    }

    @Test
    void aStatusCallbackSignedOverTheInboundUrlIsForbidden() throws Exception {
        FakeTwilioProvider.Created wrongUrl = new FakeTwilioProvider.Created("SM0123456789abcdef0123456789abcdef",
                FormParams.of("To", "+8613800000108", "StatusCallback", SmsRig.PUBLIC_URL));
        int status = rig.provider.postStatus(rig.http, wrongUrl, "delivered", null,
                rig.server.url("/webhooks/sms/main/status"));
        assertEquals(403, status);
    }
}
