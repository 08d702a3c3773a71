package io.feedbackbot.server.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.feedbackbot.config.SmsAccount;
import io.feedbackbot.core.conversation.ConversationKey;
import io.feedbackbot.core.conversation.Language;
import io.feedbackbot.core.outbound.Delivery;
import io.feedbackbot.core.outbound.DeliveryOutcome;
import io.feedbackbot.core.outbound.OutboundSender;
import io.feedbackbot.redis.RedisKeys;
import io.feedbackbot.redis.testing.TestRedis;
import io.feedbackbot.sms.provider.FakeTwilioProvider;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SMS channel's sender for the engine, against a real Redis and the fake provider. */
class SmsOutboundSenderTest {

    private static final ConversationKey CUSTOMER = new ConversationKey("sms", "main", "+8613800000401");

    private final MockWebServer providerServer = new MockWebServer();
    private final FakeTwilioProvider provider = new FakeTwilioProvider(SmsRig.ACCOUNT_SID, SmsRig.AUTH_TOKEN, 5);
    private final OkHttpClient http = new OkHttpClient();
    private final RedisKeys keys = TestRedis.freshKeys();
    private OutboundSender sender;

    static SmsAccount account(String apiBaseUrl) {
        return new SmsAccount("main", "twilio", SmsRig.ACCOUNT_SID, SmsRig.AUTH_TOKEN, SmsRig.NUMBER, null,
                apiBaseUrl, SmsRig.PUBLIC_URL, "CN", List.of("STOP", "QUIT", "退订"), List.of("START"), Map.of(), 3,
                Duration.ofSeconds(10), "post-delivery-nps", Language.ZH_CN);
    }

    @BeforeEach
    void start() throws IOException {
        providerServer.setDispatcher(provider);
        providerServer.start();
        SmsChannel channel = new SmsChannel(List.of(account(providerServer.url("/").toString())), "test.yaml",
                Duration.ofHours(12), Duration.ofDays(37), TestRedis.client(), keys, http, Clock.systemUTC());
        sender = channel.sender().orElseThrow();
    }

    @AfterEach
    void stop() throws IOException {
        providerServer.shutdown();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private static Delivery delivery(String id, Delivery.Purpose purpose) {
        return new Delivery(id, CUSTOMER, "请为本次配送打分 0-10", purpose, Map.of("surveyId", "post-delivery-nps"));
    }

    @Test
    void anOptedOutNumberGetsNothingWhateverAsksForTheSend() {
        TestRedis.client().set(keys.conversation(CUSTOMER, "optout"), "set:1");

        for (Delivery.Purpose purpose : Delivery.Purpose.values()) {
            DeliveryOutcome outcome = sender.deliver(delivery(CUSTOMER.id() + "/7/" + purpose.ordinal(), purpose));
            assertEquals(new DeliveryOutcome.NotSent("opted_out"), outcome, purpose.toString());
        }
        assertEquals(0, provider.requests().size(), "nothing reached the provider");
    }

    @Test
    void aDeliveryIsSentOnceAndReportedAsAlreadyHandledWhenAskedAgain() {
        Delivery invitation = delivery(CUSTOMER.id() + "/1/0", Delivery.Purpose.INVITATION);

        DeliveryOutcome first = sender.deliver(invitation);
        DeliveryOutcome second = sender.deliver(invitation);

        assertEquals(new DeliveryOutcome.Sent(provider.created().get(0).sid()), first);
        assertInstanceOf(DeliveryOutcome.AlreadyHandled.class, second);
        assertEquals(1, provider.requests().size());
    }

    @Test
    void aRejectionIsNotSentAndIsNotRetried() {
        provider.failNext(400, 21610, "Attempt to send to unsubscribed recipient");
        Delivery invitation = delivery(CUSTOMER.id() + "/2/0", Delivery.Purpose.INVITATION);

        assertEquals(new DeliveryOutcome.NotSent("rejected: HTTP 400, error 21610"), sender.deliver(invitation));
        assertInstanceOf(DeliveryOutcome.AlreadyHandled.class, sender.deliver(invitation));
        assertEquals(1, provider.requests().size());
    }

    @Test
    void intentIdsAreStableAndHoldNoPhoneNumber() {
        String id = SmsOutboundSender.intentId(CUSTOMER.id() + "/1/0");
        assertEquals(id, SmsOutboundSender.intentId(CUSTOMER.id() + "/1/0"));
        assertEquals(34, id.length());
        assertFalse(id.contains("138"));
    }
}
