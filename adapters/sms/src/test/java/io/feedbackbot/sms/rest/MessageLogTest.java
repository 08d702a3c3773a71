package io.feedbackbot.sms.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.feedbackbot.sms.provider.FakeTwilioProvider;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link TwilioMessagesClient#findSent}: the provider's message log, read to settle a send whose answer was lost. */
class MessageLogTest {

    private static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    private static final String TOKEN = "s3cr3t";
    private static final String TO = "+8613800000000";
    private static final Instant LONG_AGO = Instant.parse("2000-01-01T00:00:00Z");

    private final MockWebServer server = new MockWebServer();
    private final FakeTwilioProvider provider = new FakeTwilioProvider(ACCOUNT_SID, TOKEN, 1);
    private final OkHttpClient shared = new OkHttpClient();
    private TwilioMessagesClient client;

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(provider);
        server.start();
        client = new TwilioMessagesClient(shared, new TwilioAccount(ACCOUNT_SID, TOKEN, server.url("/").toString(),
                new SmsFrom.FromNumber("+8610690000"), Optional.empty()), SendPolicy.DEFAULT, d -> { }, new Random(1));
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
        shared.dispatcher().executorService().shutdown();
        shared.connectionPool().evictAll();
    }

    @Test
    void findsTheMessageWithTheSameTextToTheSameNumber() throws Exception {
        SendResult.Accepted sent = (SendResult.Accepted) client.send(TO, "您好，请打分");
        client.send(TO, "another text");
        client.send("+8613900000000", "您好，请打分");

        SentLookup found = client.findSent(TO, "您好，请打分", LONG_AGO);

        assertEquals(new SentLookup.Found(sent.sid(), "sent"), found);
        RecordedRequest list = provider.requests().get(3);
        assertEquals("GET", list.getMethod());
        assertEquals(TO, list.getRequestUrl().queryParameter("To"));
        assertEquals("+8610690000", list.getRequestUrl().queryParameter("From"));
        assertEquals(null, list.getRequestUrl().queryParameter("DateSent>"), "queued messages have no send date yet");
    }

    @Test
    void reportsNothingWhenNoMessageMatches() {
        client.send(TO, "another text");

        assertEquals(new SentLookup.NotFound(), client.findSent(TO, "您好，请打分", LONG_AGO));
        assertEquals(new SentLookup.NotFound(), client.findSent("+8613900000000", "another text", LONG_AGO));
    }

    @Test
    void ignoresMessagesCreatedBeforeTheMomentAskedAbout() {
        client.send(TO, "您好，请打分");

        assertEquals(new SentLookup.NotFound(), client.findSent(TO, "您好，请打分", Instant.now().plus(Duration.ofHours(1))));
    }

    @Test
    void followsPagesToOlderMessages() {
        SendResult.Accepted first = (SendResult.Accepted) client.send(TO, "the first one");
        for (int i = 0; i < 70; i++) {
            client.send(TO, "later " + i);
        }

        assertEquals(new SentLookup.Found(first.sid(), "sent"), client.findSent(TO, "the first one", LONG_AGO));
    }

    @Test
    void anUnreadableLogIsAFailureNotAnAbsence() throws IOException {
        server.shutdown();

        assertInstanceOf(SentLookup.Failed.class, client.findSent(TO, "x", LONG_AGO));
    }
}
