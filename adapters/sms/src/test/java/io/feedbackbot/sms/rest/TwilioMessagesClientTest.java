package io.feedbackbot.sms.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.feedbackbot.sms.form.FormParams;
import io.feedbackbot.sms.form.FormParser;
import io.feedbackbot.sms.provider.FakeTwilioProvider;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class TwilioMessagesClientTest {

    private static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    private static final String TOKEN = "s3cr3t-auth-token";
    private static final String TO = "+8613800000000";
    private static final String CALLBACK = "https://bot.example.com/webhooks/sms/cn-main/status";
    private static final SendPolicy POLICY =
            new SendPolicy(Duration.ofMillis(500), 4, Duration.ofMillis(100), Duration.ofSeconds(2));

    private final MockWebServer server = new MockWebServer();
    private final FakeTwilioProvider provider = new FakeTwilioProvider(ACCOUNT_SID, TOKEN, 1);
    private final OkHttpClient shared = new OkHttpClient();
    private final RecordingSleeper sleeper = new RecordingSleeper();

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(provider);
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
        shared.dispatcher().executorService().shutdown();
        shared.connectionPool().evictAll();
    }

    private TwilioMessagesClient client(SmsFrom from) {
        return client(new TwilioAccount(ACCOUNT_SID, TOKEN, server.url("/").toString(), from, Optional.of(CALLBACK)));
    }

    private TwilioMessagesClient client(TwilioAccount account) {
        return new TwilioMessagesClient(shared, account, POLICY, sleeper, new Random(3));
    }

    private TwilioMessagesClient client() {
        return client(new SmsFrom.FromNumber("+8610690000"));
    }

    @Test
    void sendsAFormPostWithBasicAuthAndTheStatusCallbackAndReadsTheCreatedMessage() throws Exception {
        SendResult result = client().send(TO, "您好 & welcome");

        SendResult.Accepted accepted = assertInstanceOf(SendResult.Accepted.class, result);
        assertEquals(provider.created().get(0).sid(), accepted.sid());
        assertTrue(accepted.sid().matches("SM[0-9a-f]{32}"), accepted.sid());
        assertEquals("queued", accepted.status());
        assertEquals(1, accepted.segments());

        RecordedRequest request = server.takeRequest();
        assertEquals("POST", request.getMethod());
        assertEquals("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json", request.getPath());
        assertEquals("application/x-www-form-urlencoded; charset=utf-8", request.getHeader("Content-Type"));
        assertTrue(request.getHeader("Authorization").startsWith("Basic "));
        assertEquals(FormParams.of("To", TO, "From", "+8610690000", "Body", "您好 & welcome",
                "StatusCallback", CALLBACK), FormParser.parse(request.getBody().readByteArray()));
    }

    @Test
    void aMessagingServiceSendsItsSidInsteadOfAFromNumber() throws Exception {
        client(new SmsFrom.FromMessagingService("MG0123")).send(TO, "hi");
        FormParams form = FormParser.parse(server.takeRequest().getBody().readByteArray());
        assertEquals(Optional.of("MG0123"), form.first("MessagingServiceSid"));
        assertEquals(Optional.empty(), form.first("From"));
    }

    @Test
    void rateLimitedTwiceThenAcceptedMakesExactlyThreeRequests() {
        provider.rateLimitNext(2);

        SendResult result = client().send(TO, "hi");

        assertInstanceOf(SendResult.Accepted.class, result);
        assertEquals(3, provider.requests().size());
        assertEquals(1, provider.created().size());
        List<Duration> waits = sleeper.waits();
        assertEquals(2, waits.size());
        assertTrue(waits.get(0).compareTo(POLICY.ceiling(1)) <= 0, "first wait " + waits.get(0));
        assertTrue(waits.get(1).compareTo(POLICY.ceiling(2)) <= 0, "second wait " + waits.get(1));
    }

    @Test
    void rateLimitedOnEveryAttemptGivesUpAsNotSent() {
        provider.rateLimitNext(10);

        SendResult result = client().send(TO, "hi");

        SendResult.NotSent notSent = assertInstanceOf(SendResult.NotSent.class, result);
        assertEquals("rate limited (HTTP 429) (gave up after 4 attempts)", notSent.reason());
        assertFalse(result.mayHaveBeenSent());
        assertEquals(POLICY.maxAttempts(), provider.requests().size());
        assertEquals(POLICY.maxAttempts() - 1, sleeper.waits().size());
    }

    @Test
    void aServerErrorIsUnknownAfterExactlyOneRequest() {
        provider.failNext(500, 20500, "Internal Server Error");

        SendResult result = client().send(TO, "hi");

        assertEquals(new SendResult.Unknown("the provider answered HTTP 500"), result);
        assertEquals(1, provider.requests().size());
        assertTrue(sleeper.waits().isEmpty());
    }

    @Test
    void aStalledProviderIsUnknownAfterExactlyOneRequest() {
        provider.stallNext();

        SendResult result = client().send(TO, "hi");

        assertInstanceOf(SendResult.Unknown.class, result);
        assertTrue(result.mayHaveBeenSent());
        assertEquals(1, provider.requests().size());
        assertTrue(sleeper.waits().isEmpty());
    }

    @Test
    void aConnectionDroppedAfterTheRequestIsUnknownAndNeverResentByOkHttp() {
        provider.dropConnectionAfterNextRequest();

        SendResult result = client().send(TO, "hi");

        assertInstanceOf(SendResult.Unknown.class, result);
        assertEquals(1, provider.requests().size());
        assertEquals(0, provider.created().size());
    }

    @Test
    void aReusedConnectionDroppedAfterTheRequestIsNotResentByOkHttp() {
        // OkHttp's default is to replay a request silently when a pooled connection fails: for a POST without an
        // idempotency key that is a second SMS. The first send leaves a keep-alive connection in the pool.
        TwilioMessagesClient client = client();
        assertInstanceOf(SendResult.Accepted.class, client.send(TO, "first"));
        provider.dropConnectionAfterNextRequest();

        SendResult result = client.send(TO, "second");

        assertInstanceOf(SendResult.Unknown.class, result);
        assertEquals(2, provider.requests().size());
        assertEquals(1, provider.created().size());
    }

    @Test
    void aBadRequestWithATwilioErrorIsRejectedWithItsCode() {
        SendResult result = client().send("+12345", "hi");

        assertEquals(new SendResult.Rejected(400, 21211, "The 'To' number +12345 is not a valid phone number."),
                result);
        assertFalse(result.mayHaveBeenSent());
        assertEquals(1, provider.requests().size());
    }

    @Test
    void aRejectionWithoutAJsonBodyStillSaysRejected() {
        provider.answerNext(new MockResponse().setResponseCode(403).setBody("<html>forbidden</html>"));
        assertEquals(new SendResult.Rejected(403, 0, "HTTP 403"), client().send(TO, "hi"));
    }

    @Test
    void wrongCredentialsAreRejected() {
        TwilioAccount wrongToken = new TwilioAccount(ACCOUNT_SID, "wrong", server.url("/").toString(),
                new SmsFrom.FromNumber("+8610690000"), Optional.empty());
        SendResult.Rejected rejected = assertInstanceOf(SendResult.Rejected.class, client(wrongToken).send(TO, "x"));
        assertEquals(20003, rejected.errorCode());
    }

    @Test
    void anAcceptedAnswerWithoutASidIsUnknownBecauseTheMessageWasProbablyCreated() {
        provider.answerNext(new MockResponse().setResponseCode(201).setBody("{\"status\":\"queued\"}"));
        assertEquals(new SendResult.Unknown("the provider answered HTTP 201 without a message sid"),
                client().send(TO, "hi"));
        provider.answerNext(new MockResponse().setResponseCode(201).setBody("not json"));
        assertInstanceOf(SendResult.Unknown.class, client().send(TO, "hi"));
    }

    @Test
    void aRedirectIsNotFollowedBecauseThatWouldResendThePost() {
        provider.answerNext(new MockResponse().setResponseCode(307).setHeader("Location", "/elsewhere"));
        assertEquals(new SendResult.Unknown("the provider answered HTTP 307"), client().send(TO, "hi"));
        assertEquals(1, provider.requests().size());
    }

    @Test
    void connectionRefusedIsRetriedBecauseNothingWasWritten() throws Exception {
        int port = server.getPort();
        server.shutdown();
        MockWebServer revived = new MockWebServer();
        revived.setDispatcher(provider);
        sleeper.onSleep(() -> {
            try {
                revived.start(InetAddress.getByName(server.getHostName()), port);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            SendResult result = client().send(TO, "hi");

            assertInstanceOf(SendResult.Accepted.class, result);
            assertEquals(1, sleeper.waits().size());
            assertEquals(1, provider.requests().size());
        } finally {
            revived.shutdown();
        }
    }

    @Test
    void connectionRefusedOnEveryAttemptIsNotSent() throws Exception {
        server.shutdown();

        SendResult result = client().send(TO, "hi");

        SendResult.NotSent notSent = assertInstanceOf(SendResult.NotSent.class, result);
        assertTrue(notSent.reason().startsWith("could not connect"), notSent.reason());
        assertEquals(POLICY.maxAttempts() - 1, sleeper.waits().size());
    }

    @Test
    void logsMaskTheNumberAndNeverShowTheAuthToken() {
        Logger logger = (Logger) LoggerFactory.getLogger(TwilioMessagesClient.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Level level = logger.getLevel();
        logger.setLevel(Level.INFO);
        logger.setAdditive(false);
        logger.addAppender(appender);
        try {
            provider.rateLimitNext(1);
            TwilioMessagesClient client = client();
            client.send(TO, "hi");
            client.send("+12345", "hi");

            List<String> lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertEquals(3, lines.size(), lines.toString());
            assertTrue(lines.get(0).contains("+86138****0000"), lines.get(0));
            for (String line : lines) {
                assertFalse(line.contains(TOKEN), line);
                assertFalse(line.contains("13800000000"), line);
            }
            assertFalse(client.toString().contains(TOKEN));
        } finally {
            logger.detachAppender(appender);
            logger.setAdditive(true);
            logger.setLevel(level);
        }
    }
}
