package io.feedbackbot.wechat.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.feedbackbot.wechat.api.TemplateMessage;
import io.feedbackbot.wechat.api.WeChatApiClient;
import io.feedbackbot.wechat.retry.Backoff;
import io.feedbackbot.wechat.testing.FakeWeChatApi;
import io.feedbackbot.wechat.testing.LogCapture;
import io.feedbackbot.wechat.testing.MutableClock;
import io.feedbackbot.wechat.testing.RecordingSleeper;
import io.feedbackbot.wechat.token.AccessTokenProvider;
import io.feedbackbot.wechat.token.CachedAccessToken;
import io.feedbackbot.wechat.token.InMemoryAccessTokenStore;
import io.feedbackbot.wechat.api.StableToken;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WeChatMessengerTest {

    private static final String APP = "wx2c2769f8efd9abc2";
    private static final String SECRET = "app-secret-value";
    private static final String OPENID = "oyORnuP8q7ou2gfYjqLzSIWZf0rs";
    private static final String STABLE = "/cgi-bin/stable_token";
    private static final String CUSTOM = "/cgi-bin/message/custom/send";
    private static final String TEMPLATE = "/cgi-bin/message/template/send";
    /** 2023-11-14T22:13:20Z = 2023-11-15 06:13:20 in China. */
    private static final Instant T0 = Instant.ofEpochSecond(1_700_000_000L);

    private final MockWebServer server = new MockWebServer();
    private final FakeWeChatApi wechat = new FakeWeChatApi(APP, SECRET);
    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryAccessTokenStore store = new InMemoryAccessTokenStore(clock);
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private WeChatMessenger messenger;

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(wechat);
        server.start();
        OkHttpClient http = new OkHttpClient.Builder().readTimeout(2, TimeUnit.SECONDS).build();
        WeChatApiClient api = new WeChatApiClient(http, server.url("/"));
        AccessTokenProvider tokens = new AccessTokenProvider(APP, force -> api.fetchStableToken(APP, SECRET, force),
                store, clock, sleeper, AccessTokenProvider.Settings.DEFAULT);
        messenger = new WeChatMessenger(api, tokens, sleeper, Backoff.DEFAULT, clock);
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    private List<String> paths() {
        return wechat.calls().stream().map(FakeWeChatApi.Call::path).toList();
    }

    @Test
    void aTextIsSentWithAFetchedTokenInTheDocumentedShape() {
        assertEquals(new SendOutcome.Sent(OptionalLong.empty()), messenger.sendText(OPENID, "谢谢您的反馈"));

        assertEquals(List.of(STABLE, CUSTOM), paths());
        FakeWeChatApi.Call send = wechat.calls(CUSTOM).get(0);
        assertEquals(wechat.currentToken(), send.accessToken());
        assertEquals("{\"touser\":\"" + OPENID + "\",\"msgtype\":\"text\",\"text\":{\"content\":\"谢谢您的反馈\"}}",
                send.body().toString());
    }

    @Test
    void aTemplateSendReturnsItsMsgId() {
        TemplateMessage message = new TemplateMessage(OPENID, "TID", Optional.empty(),
                Map.of("keyword1", TemplateMessage.Field.of("v")), Optional.empty());
        assertEquals(new SendOutcome.Sent(OptionalLong.of(200228332L)), messenger.sendTemplate(message));
    }

    @Test
    void error40001OnAStaleSharedTokenRefreshesOnceAndRetriesOnce() {
        store.compareAndSet(APP, Optional.empty(), CachedAccessToken.of(new StableToken("revoked", 7200), T0));

        assertEquals(new SendOutcome.Sent(OptionalLong.empty()), messenger.sendText(OPENID, "hi"));

        assertEquals(List.of(CUSTOM, STABLE, CUSTOM), paths());
        assertEquals("revoked", wechat.calls(CUSTOM).get(0).accessToken());
        assertEquals("token-1", wechat.calls(CUSTOM).get(1).accessToken());
    }

    @ParameterizedTest(name = "errcode {0} refreshes the token once and retries once")
    @ValueSource(ints = {40001, 40014, 42001})
    void tokenErrorsRefreshOnceAndRetryOnce(int errcode) {
        wechat.failSends(errcode);

        assertEquals(new SendOutcome.Sent(OptionalLong.empty()), messenger.sendText(OPENID, "hi"));

        // WeChat hands back the refused token in normal mode, so the refresh is forced.
        assertEquals(List.of(STABLE, CUSTOM, STABLE, STABLE, CUSTOM), paths());
        List<FakeWeChatApi.Call> fetches = wechat.calls(STABLE);
        assertEquals(List.of(false, false, true),
                fetches.stream().map(c -> c.body().path("force_refresh").asBoolean()).toList());
        assertEquals("token-2", wechat.calls(CUSTOM).get(1).accessToken());
    }

    @Test
    void aTokenErrorAfterTheRetryGivesUpWithoutAThirdSend() {
        wechat.failSends(40001, 40001, 40001);

        SendOutcome outcome = messenger.sendText(OPENID, "hi");

        assertEquals(40001, assertInstanceOf(SendOutcome.Failed.class, outcome).errcode());
        assertEquals(2, wechat.calls(CUSTOM).size());
    }

    @Test
    void systemBusyIsRetriedWithExponentialBackoff() {
        wechat.failSends(-1, -1);

        assertEquals(new SendOutcome.Sent(OptionalLong.empty()), messenger.sendText(OPENID, "hi"));

        assertEquals(3, wechat.calls(CUSTOM).size());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), sleeper.waits());
    }

    @Test
    void systemBusyBeyondTheRetriesIsDeferred() {
        wechat.failSends(-1, -1, -1, -1, -1);

        SendOutcome outcome = messenger.sendText(OPENID, "hi");

        assertEquals(new SendOutcome.Deferred(Duration.ofSeconds(8), -1, "fake error -1"), outcome);
        assertEquals(4, wechat.calls(CUSTOM).size());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), sleeper.waits());
    }

    @Test
    void theMinuteQuotaDefersForAMinuteWithoutRetrying() {
        wechat.failSends(45011);
        assertEquals(new SendOutcome.Deferred(Duration.ofMinutes(1), 45011, "fake error 45011"),
                messenger.sendText(OPENID, "hi"));
        assertEquals(1, wechat.calls(CUSTOM).size());
        assertEquals(List.of(), sleeper.waits());
    }

    @Test
    void theDailyQuotaDefersUntilMidnightInChina() {
        wechat.failSends(45009);
        // T0 is 06:13:20 in China; midnight is 17 h 46 min 40 s later.
        assertEquals(new SendOutcome.Deferred(Duration.ofSeconds(17 * 3600 + 46 * 60 + 40), 45009, "fake error 45009"),
                messenger.sendText(OPENID, "hi"));
        assertEquals(1, wechat.calls(CUSTOM).size());
    }

    @ParameterizedTest(name = "errcode {0} asks for a template fallback without retrying")
    @ValueSource(ints = {45015, 45047})
    void aClosedWindowOrSpentBudgetIsReportedForFallback(int errcode) {
        wechat.failSends(errcode);
        assertEquals(new SendOutcome.KefuUnavailable(errcode, "fake error " + errcode), messenger.sendText(OPENID, "hi"));
        assertEquals(1, wechat.calls(CUSTOM).size());
    }

    @ParameterizedTest(name = "errcode {0} is final")
    @ValueSource(ints = {43004, 43019, 40003, 48001, 50002})
    void permanentErrorsAreNotRetried(int errcode) {
        wechat.failSends(errcode);
        assertEquals(new SendOutcome.Failed(errcode, "fake error " + errcode), messenger.sendText(OPENID, "hi"));
        assertEquals(1, wechat.calls(CUSTOM).size());
    }

    @Test
    void aBadAppSecretFailsWithoutSending() throws Exception {
        wechat.failTokenFetches(40125);
        assertEquals(40125, assertInstanceOf(SendOutcome.Failed.class, messenger.sendText(OPENID, "hi")).errcode());
        assertEquals(List.of(STABLE), paths());
    }

    @Test
    void aBusyTokenEndpointDefersTheSendAfterItsRetries() {
        wechat.failTokenFetches(-1, -1, -1, -1);
        SendOutcome outcome = messenger.sendText(OPENID, "hi");
        assertInstanceOf(SendOutcome.Deferred.class, outcome);
        assertEquals(List.of(STABLE, STABLE, STABLE, STABLE), paths());
    }

    @Test
    void anHttpErrorLeavesTheSendUnconfirmedAndUnrepeated() throws Exception {
        messenger.sendText(OPENID, "warm the token");
        server.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
            @Override
            public MockResponse dispatch(okhttp3.mockwebserver.RecordedRequest request) {
                return new MockResponse().setResponseCode(502);
            }
        });
        int before = server.getRequestCount();

        assertInstanceOf(SendOutcome.Unconfirmed.class, messenger.sendText(OPENID, "hi"));
        assertEquals(before + 1, server.getRequestCount());
    }

    @Test
    void logsNameErrcodesButNeverTheOpenIdTokenOrSecret() {
        try (LogCapture logs = new LogCapture()) {
            wechat.failSends(40001, 40001);
            messenger.sendText(OPENID, "hi");
            wechat.failSends(45015);
            messenger.sendText(OPENID, "hi");

            assertFalse(logs.lines().isEmpty());
            for (String line : logs.lines()) {
                assertFalse(line.contains(OPENID), line);
                assertFalse(line.contains("token-"), line);
                assertFalse(line.contains(SECRET), line);
            }
        }
    }
}
