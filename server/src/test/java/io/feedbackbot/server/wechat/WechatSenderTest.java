package io.feedbackbot.server.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feedbackbot.config.WechatAccount;
import io.feedbackbot.config.survey.SurveyFiles;
import io.feedbackbot.core.conversation.ConversationKey;
import io.feedbackbot.core.conversation.Language;
import io.feedbackbot.core.outbound.Delivery;
import io.feedbackbot.core.outbound.DeliveryOutcome;
import io.feedbackbot.core.outbound.OutboundSender;
import io.feedbackbot.redis.RedisKeys;
import io.feedbackbot.redis.testing.TestRedis;
import io.feedbackbot.wechat.kefu.KefuBudget;
import io.feedbackbot.wechat.kefu.KefuWindow;
import io.feedbackbot.wechat.testing.FakeWeChatApi;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the WeChat sender chooses the send method, maps WeChat's answers, and never sends a delivery twice. */
class WechatSenderTest {

    private static final String OPENID = "oyORnuP8q7ou2gfYjqLzSIWZf0rs";
    private static final ConversationKey TO = WechatKeys.conversation("main", OPENID);

    /** The fake WeChat API, except that customer-service sends can be made to lose their answer. */
    private static final class Api extends Dispatcher {
        final FakeWeChatApi fake = new FakeWeChatApi(WechatFixture.APP_ID, WechatFixture.APP_SECRET);
        final AtomicInteger dropped = new AtomicInteger();
        volatile boolean dropCustomSends;

        @Override
        public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            if (dropCustomSends && request.getPath().startsWith("/cgi-bin/message/custom/send")) {
                dropped.incrementAndGet();
                return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
            }
            return fake.dispatch(request);
        }
    }

    private final MockWebServer server = new MockWebServer();
    private final Api api = new Api();
    private final Clock clock = Clock.systemUTC();
    private final RedisKeys keys = TestRedis.freshKeys();
    private OutboundSender sender;
    private KefuBudget budget;

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(api);
        server.start();
        WechatAccount account = new WechatAccount("main", WechatFixture.APP_ID, WechatFixture.APP_SECRET,
                WechatFixture.WX_TOKEN, WechatFixture.AES_KEY, server.url("/").toString().replaceAll("/$", ""),
                Duration.ofSeconds(4), "post-delivery-nps", null, Language.ZH_CN);
        var surveys = new SurveyFiles(Map.of()).load(WechatFixture.surveysWith(
                Map.of("wechat-nps.yaml", WechatInvitationTest.TEMPLATED_SURVEY)));
        WechatChannel channel = new WechatChannel(List.of(account), Duration.ofHours(12), surveys,
                TestRedis.client(), keys, new OkHttpClient(), Duration.ofDays(30), clock);
        sender = channel.sender().orElseThrow();
        budget = new KefuBudget(new RedisKefuBudgetStore(TestRedis.client(), new WechatKeys(keys), clock),
                KefuWindow.DEFAULT);
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    private static Delivery delivery(String id, Delivery.Purpose purpose, String surveyId) {
        return new Delivery(TO.id() + "/" + id, TO, "还记得我们的调查吗？", purpose,
                Map.of("surveyId", surveyId, "invitationId", "inv-" + id, "context.store", "徐汇店"));
    }

    private void followerWroteJustNow() {
        budget.recordUserMessage("main", OPENID, clock.instant().minusSeconds(1));
    }

    private int calls(String endpoint) {
        return api.fake.calls("/cgi-bin/message/" + endpoint).size();
    }

    @Test
    void aDeliveryIdAskedForTwiceIsSentOnce() {
        followerWroteJustNow();
        Delivery d = delivery("1/0", Delivery.Purpose.CONVERSATION, "post-delivery-nps");

        assertEquals(new DeliveryOutcome.Sent("custom"), sender.deliver(d));
        assertEquals(new DeliveryOutcome.AlreadyHandled(), sender.deliver(d));
        assertEquals(1, calls("custom/send"));
    }

    @Test
    void aSendWhoseAnswerIsLostIsUnknownReachesWeChatOnceAndIsNeverRepeated() {
        followerWroteJustNow();
        api.dropCustomSends = true;
        Delivery d = delivery("2/0", Delivery.Purpose.CONVERSATION, "post-delivery-nps");

        assertInstanceOf(DeliveryOutcome.Unknown.class, sender.deliver(d));
        assertEquals(new DeliveryOutcome.AlreadyHandled(), sender.deliver(d));
        assertEquals(1, api.dropped.get(), "the HTTP client did not repeat the request on its own");
    }

    @Test
    void outsideTheWindowAReminderGoesAsTheSurveysTemplate() {
        DeliveryOutcome outcome = sender.deliver(delivery("3/0", Delivery.Purpose.REMINDER, "wechat-nps"));

        DeliveryOutcome.Sent sent = assertInstanceOf(DeliveryOutcome.Sent.class, outcome);
        assertEquals(api.fake.templateMsgIds().get(0).toString(), sent.providerMessageId());
        assertEquals(0, calls("custom/send"), "the window was closed, so customer-service was not even tried");
        assertEquals("还记得我们的调查吗？", api.fake.calls("/cgi-bin/message/template/send").get(0).body()
                .path("data").path("first").path("value").asText());
    }

    @Test
    void aRefusalForTheWindowFallsBackToTheTemplate() {
        followerWroteJustNow();
        api.fake.failSends(45015);

        assertInstanceOf(DeliveryOutcome.Sent.class,
                sender.deliver(delivery("4/0", Delivery.Purpose.CONVERSATION, "wechat-nps")));
        assertEquals(1, calls("custom/send"));
        assertEquals(1, calls("template/send"));
    }

    @Test
    void aSpentBudgetWithoutATemplateIsNotSent() {
        followerWroteJustNow();
        api.fake.failSends(45047);

        DeliveryOutcome outcome = sender.deliver(delivery("5/0", Delivery.Purpose.CONVERSATION, "post-delivery-nps"));

        assertInstanceOf(DeliveryOutcome.NotSent.class, outcome);
        assertEquals(1, calls("custom/send"));
        assertEquals(0, calls("template/send"));
    }

    @Test
    void aQuotaErrorPausesTheAccountUntilTheQuotaResets() {
        followerWroteJustNow();
        api.fake.failSends(45011);

        assertInstanceOf(DeliveryOutcome.NotSent.class,
                sender.deliver(delivery("6/0", Delivery.Purpose.CONVERSATION, "post-delivery-nps")));
        DeliveryOutcome paused = sender.deliver(delivery("7/0", Delivery.Purpose.CONVERSATION, "post-delivery-nps"));

        assertTrue(assertInstanceOf(DeliveryOutcome.NotSent.class, paused).reason().contains("quota"), paused.toString());
        assertEquals(1, calls("custom/send"), "the paused delivery did not call WeChat");
    }

    @Test
    void anInvitationWithoutATemplateOutsideTheWindowIsNotSent() {
        DeliveryOutcome outcome = sender.deliver(delivery("8/0", Delivery.Purpose.INVITATION, "post-delivery-nps"));
        assertInstanceOf(DeliveryOutcome.NotSent.class, outcome);
        assertEquals(0, calls("custom/send") + calls("template/send"));
    }
}
