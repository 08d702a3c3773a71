package io.feedbackbot.wechat.kefu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.feedbackbot.wechat.api.TemplateMessage;
import io.feedbackbot.wechat.api.WeChatApiClient;
import io.feedbackbot.wechat.retry.Backoff;
import io.feedbackbot.wechat.send.WeChatMessenger;
import io.feedbackbot.wechat.testing.FakeWeChatApi;
import io.feedbackbot.wechat.testing.MutableClock;
import io.feedbackbot.wechat.testing.RecordingSleeper;
import io.feedbackbot.wechat.token.AccessTokenProvider;
import io.feedbackbot.wechat.token.InMemoryAccessTokenStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WeChatTextDeliveryTest {

    private static final String APP = "wx2c2769f8efd9abc2";
    private static final String ACCOUNT = "main";
    private static final String OPENID = "oyORnuP8q7ou2gfYjqLzSIWZf0rs";
    private static final String CUSTOM = "/cgi-bin/message/custom/send";
    private static final String TEMPLATE = "/cgi-bin/message/template/send";
    private static final Instant T0 = Instant.ofEpochSecond(1_700_000_000L);
    private static final Optional<TemplateMessage> FALLBACK = Optional.of(new TemplateMessage(OPENID, "TID",
            Optional.of("https://example.com/chat"), Map.of("keyword1", TemplateMessage.Field.of("您有一条新回复")),
            Optional.empty()));

    private final MockWebServer server = new MockWebServer();
    private final FakeWeChatApi wechat = new FakeWeChatApi(APP, "secret");
    private final MutableClock clock = new MutableClock(T0);
    private final KefuBudget budget = new KefuBudget(new InMemoryKefuBudgetStore(clock), KefuWindow.DEFAULT);
    private WeChatTextDelivery delivery;

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(wechat);
        server.start();
        WeChatApiClient api = new WeChatApiClient(new OkHttpClient(), server.url("/"));
        RecordingSleeper sleeper = new RecordingSleeper(clock);
        AccessTokenProvider tokens = new AccessTokenProvider(APP, force -> api.fetchStableToken(APP, "secret", force),
                new InMemoryAccessTokenStore(clock), clock, sleeper, AccessTokenProvider.Settings.DEFAULT);
        delivery = new WeChatTextDelivery(new WeChatMessenger(api, tokens, sleeper, Backoff.DEFAULT, clock), budget,
                clock);
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    private List<String> sends() {
        return wechat.calls().stream().map(FakeWeChatApi.Call::path).filter(p -> !p.endsWith("stable_token")).toList();
    }

    @Test
    void insideTheWindowTheTextGoesAsACustomerServiceMessage() {
        budget.recordUserMessage(ACCOUNT, OPENID, T0.minusSeconds(30));

        Delivery result = delivery.deliver(ACCOUNT, OPENID, "谢谢", FALLBACK);

        assertEquals(new Delivery.Delivered(SendMethod.CUSTOMER_SERVICE, OptionalLong.empty()), result);
        assertEquals(List.of(CUSTOM), sends());
    }

    @Test
    void afterFiveCustomerServiceMessagesTheSixthGoesAsATemplateWithoutTryingCustomSend() {
        budget.recordUserMessage(ACCOUNT, OPENID, T0);
        for (int i = 0; i < 5; i++) {
            delivery.deliver(ACCOUNT, OPENID, "message " + i, FALLBACK);
        }

        Delivery sixth = delivery.deliver(ACCOUNT, OPENID, "message 6", FALLBACK);

        assertEquals(new Delivery.Delivered(SendMethod.TEMPLATE, OptionalLong.of(200228332L)), sixth);
        assertEquals(List.of(CUSTOM, CUSTOM, CUSTOM, CUSTOM, CUSTOM, TEMPLATE), sends());
    }

    @Test
    void afterFortyEightHoursTheTextGoesAsATemplate() {
        budget.recordUserMessage(ACCOUNT, OPENID, T0);
        clock.advance(Duration.ofHours(48));

        assertEquals(SendMethod.TEMPLATE,
                assertInstanceOf(Delivery.Delivered.class, delivery.deliver(ACCOUNT, OPENID, "hi", FALLBACK)).via());
        assertEquals(List.of(TEMPLATE), sends());
    }

    @Test
    void outsideTheWindowWithoutATemplateNothingIsSentAndTheFailureIsReported() {
        assertInstanceOf(Delivery.Undeliverable.class, delivery.deliver(ACCOUNT, OPENID, "hi", Optional.empty()));
        assertEquals(List.of(), sends());
    }

    @Test
    void aBudgetRefusalFromWeChatFallsBackToTheTemplateAndClosesTheWindow() {
        budget.recordUserMessage(ACCOUNT, OPENID, T0);
        wechat.failSends(45047);

        Delivery first = delivery.deliver(ACCOUNT, OPENID, "hi", FALLBACK);
        Delivery second = delivery.deliver(ACCOUNT, OPENID, "again", FALLBACK);

        assertEquals(SendMethod.TEMPLATE, assertInstanceOf(Delivery.Delivered.class, first).via());
        assertEquals(SendMethod.TEMPLATE, assertInstanceOf(Delivery.Delivered.class, second).via());
        assertEquals(List.of(CUSTOM, TEMPLATE, TEMPLATE), sends());
    }

    @Test
    void aWindowRefusalWithoutATemplateIsUndeliverable() {
        budget.recordUserMessage(ACCOUNT, OPENID, T0);
        wechat.failSends(45015);
        assertInstanceOf(Delivery.Undeliverable.class, delivery.deliver(ACCOUNT, OPENID, "hi", Optional.empty()));
        assertEquals(List.of(CUSTOM), sends());
    }

    @Test
    void aQuotaErrorAsksToRetryLater() {
        budget.recordUserMessage(ACCOUNT, OPENID, T0);
        wechat.failSends(45011);
        Delivery.RetryLater later = assertInstanceOf(Delivery.RetryLater.class,
                delivery.deliver(ACCOUNT, OPENID, "hi", FALLBACK));
        assertEquals(Duration.ofMinutes(1), later.after());
        assertEquals(45011, later.errcode());
    }

    @Test
    void aFollowerWhoLeftIsUndeliverableByTemplateToo() {
        wechat.failSends(43004);
        assertInstanceOf(Delivery.Undeliverable.class, delivery.deliver(ACCOUNT, OPENID, "hi", FALLBACK));
        assertEquals(List.of(TEMPLATE), sends());
    }
}
