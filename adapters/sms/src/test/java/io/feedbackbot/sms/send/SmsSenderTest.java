package io.feedbackbot.sms.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feedbackbot.sms.provider.FakeTwilioProvider;
import io.feedbackbot.sms.rest.SendPolicy;
import io.feedbackbot.sms.rest.SendResult;
import io.feedbackbot.sms.rest.SmsFrom;
import io.feedbackbot.sms.rest.TwilioAccount;
import io.feedbackbot.sms.rest.TwilioMessagesClient;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SmsSenderTest {

    private static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    private static final String TOKEN = "token";
    private static final SendPolicy POLICY =
            new SendPolicy(Duration.ofMillis(500), 3, Duration.ofMillis(10), Duration.ofMillis(50));
    private static final SendIntent INVITE =
            SendIntent.of("campaign:7:recipient:+8613800000000:invite", "+8613800000000", "请为本次服务打分 0-10");

    private final MockWebServer server = new MockWebServer();
    private final FakeTwilioProvider provider = new FakeTwilioProvider(ACCOUNT_SID, TOKEN, 5);
    private final OkHttpClient shared = new OkHttpClient();
    private final InMemorySendJournal journal = new InMemorySendJournal();
    private SmsSender sender;

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(provider);
        server.start();
        TwilioAccount account = new TwilioAccount(ACCOUNT_SID, TOKEN, server.url("/").toString(),
                new SmsFrom.FromNumber("+8610690000"), Optional.empty());
        sender = new SmsSender(journal, new TwilioMessagesClient(shared, account, POLICY, d -> { }, new Random(1)));
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
        shared.dispatcher().executorService().shutdown();
        shared.connectionPool().evictAll();
    }

    @Test
    void aProviderTimeoutNeverTurnsIntoADuplicateSms() {
        provider.stallNext();

        SendResult first = sender.send(INVITE);

        assertInstanceOf(SendResult.Unknown.class, first);
        assertEquals(1, provider.requests().size(), "exactly one request reached the provider");
        assertEquals(Optional.of(first), journal.find(INVITE.id()).orElseThrow().outcome());

        SendResult second = sender.send(INVITE);

        assertEquals(first, second, "the second send answers with the recorded outcome");
        assertEquals(1, provider.requests().size(), "the second send of the same intent sent nothing");
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void anAcceptedIntentIsNotSentAgain() {
        SendResult first = sender.send(INVITE);
        SendResult second = sender.send(INVITE);

        assertInstanceOf(SendResult.Accepted.class, first);
        assertEquals(first, second);
        assertEquals(1, provider.requests().size());
    }

    @Test
    void aRejectedIntentIsNotSentAgain() {
        provider.failNext(400, 21610, "Attempt to send to unsubscribed recipient");

        SendResult first = sender.send(INVITE);
        SendResult second = sender.send(INVITE);

        assertEquals(new SendResult.Rejected(400, 21610, "Attempt to send to unsubscribed recipient"), first);
        assertEquals(first, second);
        assertEquals(1, provider.requests().size());
    }

    @Test
    void anIntentThatWasCertainlyNotSentMayBeSentLater() {
        provider.rateLimitNext(POLICY.maxAttempts());

        SendResult throttled = sender.send(INVITE);
        SendResult later = sender.send(INVITE);

        assertInstanceOf(SendResult.NotSent.class, throttled);
        assertInstanceOf(SendResult.Accepted.class, later);
        assertEquals(POLICY.maxAttempts() + 1, provider.requests().size());
        assertEquals(1, provider.created().size());
    }

    @Test
    void anIntentLeftPendingByACrashIsNeverSentAgain() {
        journal.recordIntent(INVITE); // the process died after recording the intent, before the outcome

        SendResult result = sender.send(INVITE);

        assertInstanceOf(SendResult.Unknown.class, result);
        assertTrue(result.mayHaveBeenSent());
        assertEquals(0, provider.requests().size());
    }

    @Test
    void differentIntentsForTheSameNumberAreDifferentMessages() {
        sender.send(INVITE);
        sender.send(SendIntent.of("campaign:7:recipient:+8613800000000:reminder", "+8613800000000", "提醒"));
        assertEquals(2, provider.created().size());
    }

    @Test
    void manyNodesSendingTheSameIntentAtOnceMakeOneRequest() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<SendResult>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return sender.send(INVITE);
                }));
            }
            go.countDown();
            int accepted = 0;
            for (Future<SendResult> f : results) {
                if (f.get() instanceof SendResult.Accepted) {
                    accepted++;
                }
            }
            assertTrue(accepted >= 1);
            assertEquals(1, provider.requests().size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aJournalThatCannotRecordTheIntentMeansNothingIsSent() {
        SmsSender broken = new SmsSender(new FailingJournal(true, false), (to, body) -> {
            throw new AssertionError("must not send");
        });
        SendResult result = broken.send(INVITE);
        assertInstanceOf(SendResult.NotSent.class, result);
    }

    @Test
    void aJournalThatCannotRecordTheOutcomeStillReturnsTheResult() {
        SmsSender sender = new SmsSender(new FailingJournal(false, true),
                (to, body) -> new SendResult.Accepted("SM1", "queued", 1));
        assertEquals(new SendResult.Accepted("SM1", "queued", 1), sender.send(INVITE));
    }

    @Test
    void anApiThatThrowsIsRecordedAsUnknown() {
        SmsSender sender = new SmsSender(journal, (to, body) -> {
            throw new IllegalStateException("bug");
        });
        SendResult result = sender.send(INVITE);
        assertInstanceOf(SendResult.Unknown.class, result);
        assertEquals(Optional.of(result), journal.find(INVITE.id()).orElseThrow().outcome());
    }

    /** A journal whose writes fail like an unreachable Redis. */
    private static final class FailingJournal implements SendJournal {
        private final boolean failIntent;
        private final boolean failOutcome;

        FailingJournal(boolean failIntent, boolean failOutcome) {
            this.failIntent = failIntent;
            this.failOutcome = failOutcome;
        }

        @Override
        public boolean recordIntent(SendIntent intent) {
            if (failIntent) {
                throw new IllegalStateException("connection refused");
            }
            return true;
        }

        @Override
        public void recordOutcome(String intentId, SendResult outcome) {
            if (failOutcome) {
                throw new IllegalStateException("connection refused");
            }
        }

        @Override
        public Optional<JournalEntry> find(String intentId) {
            return Optional.empty();
        }
    }
}
