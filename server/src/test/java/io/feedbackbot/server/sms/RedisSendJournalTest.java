package io.feedbackbot.server.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feedbackbot.redis.RedisKeys;
import io.feedbackbot.redis.testing.TestRedis;
import io.feedbackbot.sms.rest.SendResult;
import io.feedbackbot.sms.send.JournalEntry;
import io.feedbackbot.sms.send.SendIntent;
import io.feedbackbot.sms.send.SendJournal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The adapter's journal contract (see InMemorySendJournalTest), against a real Redis. */
class RedisSendJournalTest {

    private static final SendIntent INTENT = SendIntent.of("i-1", "+8613800000000", "请回复 0-10 😀");

    private final RedisKeys keys = TestRedis.freshKeys();
    private final SendJournal journal = new RedisSendJournal(TestRedis.client(), keys, Duration.ofDays(1));

    private SendJournal fresh() {
        return new RedisSendJournal(TestRedis.client(), TestRedis.freshKeys(), Duration.ofDays(1));
    }

    @Test
    void theFirstRecordClaimsTheIntentAndTheSecondDoesNot() {
        assertTrue(journal.recordIntent(INTENT));
        assertFalse(journal.recordIntent(INTENT));
        assertEquals(Optional.of(new JournalEntry(INTENT, Optional.empty())), journal.find(INTENT.id()));
    }

    @Test
    void anIntentWhoseOutcomeMayHaveBeenSentCannotBeClaimedAgain() {
        for (SendResult outcome : new SendResult[] {
                new SendResult.Accepted("SM1", "queued", 1),
                new SendResult.Unknown("timeout"),
                new SendResult.Rejected(400, 21211, "bad To")}) {
            SendJournal j = fresh();
            j.recordIntent(INTENT);
            j.recordOutcome(INTENT.id(), outcome);
            assertFalse(j.recordIntent(INTENT), outcome.toString());
            assertEquals(Optional.of(outcome), j.find(INTENT.id()).orElseThrow().outcome());
        }
    }

    @Test
    void anIntentThatWasCertainlyNotSentCanBeClaimedAgainAndIsPendingAfterwards() {
        journal.recordIntent(INTENT);
        journal.recordOutcome(INTENT.id(), new SendResult.NotSent("429"));
        assertTrue(journal.recordIntent(INTENT));
        assertEquals(Optional.empty(), journal.find(INTENT.id()).orElseThrow().outcome());
        assertFalse(journal.recordIntent(INTENT));
    }

    @Test
    void anOutcomeForAnUnknownIntentIsIgnored() {
        journal.recordOutcome("nobody", new SendResult.Unknown("x"));
        assertEquals(Optional.empty(), journal.find("nobody"));
    }

    @Test
    void entriesExpire() {
        journal.recordIntent(INTENT);
        long ttl = TestRedis.client().pttl(keys.global("sms:send:" + INTENT.id()));
        assertTrue(ttl > 0 && ttl <= Duration.ofDays(1).toMillis(), "ttl " + ttl);
    }

    @Test
    void exactlyOneOfManyConcurrentClaimsWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                claims.add(pool.submit(() -> {
                    go.await();
                    return journal.recordIntent(INTENT);
                }));
            }
            go.countDown();
            int won = 0;
            for (Future<Boolean> claim : claims) {
                won += claim.get() ? 1 : 0;
            }
            assertEquals(1, won);
        } finally {
            pool.shutdownNow();
        }
    }
}
