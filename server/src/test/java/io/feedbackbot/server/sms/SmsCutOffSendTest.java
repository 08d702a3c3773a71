package io.feedbackbot.server.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feedbackbot.config.SmsAccount;
import io.feedbackbot.core.conversation.ConversationKey;
import io.feedbackbot.core.outbound.Delivery;
import io.feedbackbot.core.outbound.DeliveryOutcome;
import io.feedbackbot.core.outbound.OutboundSender;
import io.feedbackbot.redis.RedisKeys;
import io.feedbackbot.redis.testing.TestRedis;
import io.feedbackbot.sms.provider.FakeTwilioProvider;
import io.feedbackbot.sms.rest.SendPolicy;
import io.feedbackbot.sms.rest.SmsFrom;
import io.feedbackbot.sms.rest.TwilioAccount;
import io.feedbackbot.sms.rest.TwilioMessagesClient;
import io.feedbackbot.sms.send.SendIntent;
import io.feedbackbot.sms.send.SendJournal;
import io.feedbackbot.sms.send.Takeover;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An SMS whose send was cut off by a crash (the intent recorded, no outcome) is settled when the delivery is asked
 * for again, instead of being reported as handled: sent once when the provider never got it, recorded as sent
 * when it did. The account's calls time out after 1 s, so an attempt is stale after 2 s.
 */
class SmsCutOffSendTest {

    private static final ConversationKey CUSTOMER = new ConversationKey("sms", "main", "+8613800000501");

    private final MockWebServer providerServer = new MockWebServer();
    private final FakeTwilioProvider provider = new FakeTwilioProvider(SmsRig.ACCOUNT_SID, SmsRig.AUTH_TOKEN, 5);
    private final OkHttpClient http = new OkHttpClient();
    private final RedisKeys keys = TestRedis.freshKeys();
    private final SendJournal journal = new RedisSendJournal(TestRedis.client(), keys, Duration.ofDays(1));
    private OutboundSender sender;

    @BeforeEach
    void start() throws IOException {
        providerServer.setDispatcher(provider);
        providerServer.start();
        SmsAccount a = SmsOutboundSenderTest.account(providerServer.url("/").toString());
        SmsAccount quick = new SmsAccount(a.id(), a.provider(), a.accountSid(), a.authToken(), a.from(),
                a.messagingServiceSid(), a.apiBaseUrl(), a.publicUrl(), a.defaultRegion(), a.optOutKeywords(),
                a.optInKeywords(), a.helpText(), a.maxSegments(), a.replyDeadline(), a.defaultSurvey(),
                a.defaultLanguage(), Duration.ofSeconds(1), 1);
        sender = new SmsChannel(List.of(quick), "test.yaml", Duration.ofHours(12), Duration.ofDays(37),
                TestRedis.client(), keys, http, Clock.systemUTC()).sender().orElseThrow();
    }

    @AfterEach
    void stop() throws IOException {
        providerServer.shutdown();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private static Delivery invitation(String id) {
        return new Delivery(id, CUSTOMER, "请为本次配送打分 0-10", Delivery.Purpose.INVITATION,
                Map.of("surveyId", "post-delivery-nps"));
    }

    /** What a node that died right after recording the intent leaves in the journal. */
    private void cutOff(Delivery delivery) {
        journal.recordIntent(SendIntent.of(SmsOutboundSender.intentId(delivery.deliveryId()), CUSTOMER.customer(),
                delivery.text()));
    }

    @Test
    void anIntentCutOffBeforeTheRequestIsSentOnceWhenTheDeliveryIsAskedForAgain() {
        Delivery delivery = invitation(CUSTOMER.id() + "/1/0");
        cutOff(delivery);

        DeliveryOutcome outcome = sender.deliver(delivery);

        assertEquals(new DeliveryOutcome.Sent(provider.created().get(0).sid()), outcome);
        assertEquals(1, provider.createdTo(CUSTOMER.customer()));
        assertInstanceOf(DeliveryOutcome.AlreadyHandled.class, sender.deliver(delivery));
        assertEquals(1, provider.createdTo(CUSTOMER.customer()));
    }

    @Test
    void anIntentWhoseRequestReachedTheProviderIsRecordedAsSentWithoutASecondSms() throws Exception {
        Delivery delivery = invitation(CUSTOMER.id() + "/2/0");
        new TwilioMessagesClient(http, new TwilioAccount(SmsRig.ACCOUNT_SID, SmsRig.AUTH_TOKEN,
                providerServer.url("/").toString(), new SmsFrom.FromNumber(SmsRig.NUMBER), Optional.empty()),
                SendPolicy.DEFAULT, d -> { }, new Random(1)).send(CUSTOMER.customer(), delivery.text());
        cutOff(delivery);

        DeliveryOutcome outcome = sender.deliver(delivery);

        assertEquals(new DeliveryOutcome.Sent(provider.created().get(0).sid()), outcome);
        assertEquals(1, provider.createdTo(CUSTOMER.customer()));
    }

    @Test
    void theJournalHandsAStaleAttemptToOneNodeByRedisTime() throws Exception {
        SendIntent intent = SendIntent.of("i-stale", CUSTOMER.customer(), "hi");
        journal.recordIntent(intent);

        Takeover young = journal.takeOver(intent.id(), Duration.ofSeconds(30));
        Thread.sleep(20);
        Takeover first = journal.takeOver(intent.id(), Duration.ofMillis(10));
        Takeover second = journal.takeOver(intent.id(), Duration.ofSeconds(30));

        assertInstanceOf(Takeover.TooRecent.class, young);
        assertTrue(((Takeover.TooRecent) young).remaining().compareTo(Duration.ofSeconds(30)) <= 0);
        assertInstanceOf(Takeover.Granted.class, first);
        assertInstanceOf(Takeover.TooRecent.class, second, "the winner's takeover counts as a fresh attempt");
        journal.recordOutcome(intent.id(), new io.feedbackbot.sms.rest.SendResult.Unknown("timeout"));
        assertEquals(new Takeover.NotPending(), journal.takeOver(intent.id(), Duration.ZERO));
    }
}
