package io.feedbackbot.sms.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.feedbackbot.sms.provider.FakeTwilioProvider;
import io.feedbackbot.sms.rest.SendPolicy;
import io.feedbackbot.sms.rest.SendResult;
import io.feedbackbot.sms.rest.SentLookup;
import io.feedbackbot.sms.rest.SmsApi;
import io.feedbackbot.sms.rest.SmsFrom;
import io.feedbackbot.sms.rest.TwilioAccount;
import io.feedbackbot.sms.rest.TwilioMessagesClient;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A send cut off by a crash (intent recorded, no outcome) is settled against the provider's message log instead of
 * staying unknown: sent now when the provider never got it, recorded as accepted when it did. Never twice.
 */
class SettlingSmsSenderTest {

    private static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    private static final String TOKEN = "token";
    private static final String TO = "+8613800000000";
    private static final Duration STALE_AFTER = Duration.ofSeconds(30);
    private static final SendIntent INVITE = SendIntent.of("campaign:7:recipient:r1:invite", TO, "请为本次服务打分 0-10");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-06T02:00:00Z"));
    private final MockWebServer server = new MockWebServer();
    private final FakeTwilioProvider provider = new FakeTwilioProvider(ACCOUNT_SID, TOKEN, 5, clock);
    private final OkHttpClient shared = new OkHttpClient();
    private final InMemorySendJournal journal = new InMemorySendJournal(clock);
    private final List<Duration> waits = new ArrayList<>();
    private TwilioMessagesClient api;
    private SmsSender sender;

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(provider);
        server.start();
        api = new TwilioMessagesClient(shared, new TwilioAccount(ACCOUNT_SID, TOKEN, server.url("/").toString(),
                new SmsFrom.FromNumber("+8610690000"), Optional.empty()),
                new SendPolicy(Duration.ofSeconds(2), 1, Duration.ZERO, Duration.ZERO), d -> { }, new Random(1));
        sender = new SmsSender(journal, api, STALE_AFTER, d -> {
            waits.add(d);
            clock.advance(d);
        });
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
        shared.dispatcher().executorService().shutdown();
        shared.connectionPool().evictAll();
    }

    @Test
    void anIntentCutOffBeforeItsRequestIsSentOnceWhenSettled() {
        journal.recordIntent(INVITE); // the node died right after recording the intent
        clock.advance(STALE_AFTER);

        SendResult result = sender.send(INVITE);

        assertInstanceOf(SendResult.Accepted.class, result);
        assertEquals(1, provider.createdTo(TO));
        assertEquals(Optional.of(result), journal.find(INVITE.id()).orElseThrow().outcome());
        assertEquals(result, sender.send(INVITE), "settled once, it is an ordinary accepted intent");
        assertEquals(1, provider.createdTo(TO));
    }

    @Test
    void anIntentWhoseRequestReachedTheProviderIsFoundThereAndNotSentAgain() {
        SendResult reached = api.send(TO, INVITE.body()); // the request went out; the node died before the answer
        journal.recordIntent(INVITE);
        clock.advance(STALE_AFTER);

        SendResult result = sender.send(INVITE);

        SendResult.Accepted accepted = assertInstanceOf(SendResult.Accepted.class, result);
        assertEquals(((SendResult.Accepted) reached).sid(), accepted.sid());
        assertEquals(1, provider.createdTo(TO));
    }

    @Test
    void aYoungPendingIntentIsWaitedForBecauseItsSendMayStillBeRunning() {
        journal.recordIntent(INVITE);
        clock.advance(Duration.ofSeconds(10));

        SendResult result = sender.send(INVITE);

        assertInstanceOf(SendResult.Accepted.class, result);
        assertEquals(List.of(Duration.ofSeconds(20).plusMillis(50)), waits);
        assertEquals(1, provider.createdTo(TO));
    }

    @Test
    void anOlderMessageWithTheSameTextIsNotMistakenForTheCutOffOne() {
        api.send(TO, INVITE.body());
        clock.advance(Duration.ofDays(2));
        journal.recordIntent(INVITE);
        clock.advance(STALE_AFTER);

        sender.send(INVITE);

        assertEquals(2, provider.createdTo(TO), "yesterday's identical text is another message");
    }

    @Test
    void manyNodesSettlingOneCutOffIntentSendItOnce() throws Exception {
        journal.recordIntent(INVITE);
        clock.advance(STALE_AFTER);
        // Time stands still while they race: the winner's takeover is fresh for everyone else.
        SmsSender onEveryNode = new SmsSender(journal, api, STALE_AFTER, d -> { });
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<SendResult>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                results.add(pool.submit(() -> onEveryNode.send(INVITE)));
            }
            for (Future<SendResult> f : results) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(1, provider.createdTo(TO));
    }

    @Test
    void aCutOffIntentStaysUnknownWhenTheProviderLogCannotBeRead() {
        SmsApi unreadable = new SmsApi() {
            @Override
            public SendResult send(String to, String body) {
                throw new AssertionError("must not send without knowing");
            }

            @Override
            public SentLookup findSent(String to, String body, Instant since) {
                return new SentLookup.Failed("HTTP 503");
            }
        };
        journal.recordIntent(INVITE);
        clock.advance(STALE_AFTER);

        SendResult result = new SmsSender(journal, unreadable, STALE_AFTER, d -> { }).send(INVITE);

        assertInstanceOf(SendResult.Unknown.class, result);
        assertEquals(Optional.empty(), journal.find(INVITE.id()).orElseThrow().outcome(), "still pending");
    }

    @Test
    void aSenderWithoutStaleAfterLeavesCutOffIntentsUnknown() {
        journal.recordIntent(INVITE);
        clock.advance(Duration.ofDays(1));

        assertInstanceOf(SendResult.Unknown.class, new SmsSender(journal, api).send(INVITE));
        assertEquals(0, provider.createdTo(TO));
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            now = start;
        }

        synchronized void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
