package io.feedbackbot.redis.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feedbackbot.core.answer.AnswerRecord;
import io.feedbackbot.core.answer.AnswerStatus;
import io.feedbackbot.core.answer.ResponseStore;
import io.feedbackbot.core.conversation.ClosedSurvey;
import io.feedbackbot.core.conversation.CollectedAnswer;
import io.feedbackbot.core.conversation.ConversationKey;
import io.feedbackbot.core.conversation.ConversationState;
import io.feedbackbot.core.conversation.Handoff;
import io.feedbackbot.core.conversation.InvitationPolicy;
import io.feedbackbot.core.conversation.Language;
import io.feedbackbot.core.conversation.SurveyRun;
import io.feedbackbot.core.conversation.SurveyStatus;
import io.feedbackbot.core.outbound.Delivery;
import io.feedbackbot.core.outbound.Mailbox;
import io.feedbackbot.core.store.Commit;
import io.feedbackbot.core.store.MailboxMessage;
import io.feedbackbot.core.store.ProcessedMessage;
import io.feedbackbot.core.store.StoredConversation;
import io.feedbackbot.redis.RedisKeys;
import io.feedbackbot.redis.answer.RedisResponseStore;
import io.feedbackbot.redis.mailbox.RedisMailbox;
import io.feedbackbot.redis.testing.TestRedis;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

class RedisConversationStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    private static final ConversationKey KEY = new ConversationKey("webchat", "demo", "u-42");

    private final UnifiedJedis redis = TestRedis.client();
    private final RedisKeys keys = TestRedis.freshKeys();
    private final RedisConversationStore store = new RedisConversationStore(redis, keys, Duration.ofDays(30));

    private static StoredConversation full(long version) {
        SurveyRun run = new SurveyRun("post-delivery-nps", "inv-1", "camp-1", Language.ZH_CN,
                Map.of("store", "SH-001", "touchpoint", "delivery"), "why", T0, 1,
                List.of(new CollectedAnswer("recommend", "3", 3), new CollectedAnswer("skipped", null, null)),
                T0, T0.plus(Duration.ofHours(24)), new InvitationPolicy(Duration.ofDays(3), Duration.ofHours(24), 2,
                Duration.ofDays(30)), 1);
        ConversationState state = new ConversationState(KEY, Language.ZH_CN, run,
                new ClosedSurvey("older", "inv-0", SurveyStatus.EXPIRED, T0.minusSeconds(60), true),
                new Handoff("detractor", "t-1", T0, "agent-1", null, T0.plusSeconds(3)), false, T0, T0, T0);
        return new StoredConversation(state, version, List.of(new ProcessedMessage("m-0", List.of()),
                new ProcessedMessage("m-1", List.of("你好", "第二段"))),
                List.of(new Delivery("d-1", KEY, "问题", Delivery.Purpose.CONVERSATION, Map.of("surveyId", "s"))),
                T0.plus(Duration.ofHours(24)));
    }

    private static Commit commit(StoredConversation previous, StoredConversation next, List<AnswerRecord> answers,
                                 List<MailboxMessage> mailbox) {
        return new Commit(previous, next, answers, List.of(), List.of(), List.of(), mailbox, List.of(), next.wakeAt());
    }

    private static AnswerRecord answer(String question, int score) {
        return new AnswerRecord(AnswerRecord.idFor("inv-1", question), "post-delivery-nps", "inv-1", null, question,
                "nps", "0-10", Integer.toString(score), score, AnswerStatus.ANSWERED, "给" + score + "分",
                Language.ZH_CN, KEY, Map.of("store", "SH-001"), T0, T0.plusSeconds(5), null, null);
    }

    @Test
    void aSavedConversationLoadsBackUnchanged() {
        StoredConversation saved = full(1);

        assertTrue(store.commit(commit(StoredConversation.fresh(KEY), saved, List.of(), List.of())));

        assertEquals(saved, store.load(KEY).orElseThrow());
    }

    @Test
    void aSaveFromAStaleVersionIsRefusedAndChangesNothing() {
        StoredConversation first = full(1);
        store.commit(commit(StoredConversation.fresh(KEY), first, List.of(), List.of()));

        boolean saved = store.commit(commit(StoredConversation.fresh(KEY),
                new StoredConversation(ConversationState.fresh(KEY), 1, List.of(), List.of(), null), List.of(),
                List.of()));

        assertFalse(saved);
        assertEquals(first, store.load(KEY).orElseThrow());
    }

    @Test
    void ofManyConcurrentSavesFromOneVersionExactlyOneWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return store.commit(commit(StoredConversation.fresh(KEY), full(1), List.of(), List.of()));
            }));
        }
        start.countDown();
        int wins = 0;
        for (Future<Boolean> r : results) {
            wins += r.get() ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, wins);
    }

    @Test
    void anAnswerSavedByARetriedTransitionIsStoredOnce() {
        AnswerRecord nine = answer("recommend", 9);
        store.commit(commit(StoredConversation.fresh(KEY), full(1), List.of(nine), List.of()));
        store.commit(commit(StoredConversation.fresh(KEY), full(1), List.of(nine), List.of()));

        ResponseStore.Page page = new RedisResponseStore(redis, keys).page("post-delivery-nps", null, 100);

        assertEquals(List.of(nine), page.answers());
        assertEquals(null, page.next());
    }

    @Test
    void answersArePagedInStoredOrder() {
        StoredConversation previous = StoredConversation.fresh(KEY);
        for (int i = 0; i < 5; i++) {
            StoredConversation next = new StoredConversation(previous.state(), previous.version() + 1, List.of(),
                    List.of(), null);
            store.commit(commit(previous, next, List.of(answer("q" + i, i)), List.of()));
            previous = next;
        }
        RedisResponseStore responses = new RedisResponseStore(redis, keys);

        ResponseStore.Page first = responses.page("post-delivery-nps", null, 3);
        ResponseStore.Page second = responses.page("post-delivery-nps", first.next(), 3);

        assertEquals(List.of("q0", "q1", "q2"), first.answers().stream().map(AnswerRecord::questionId).toList());
        assertEquals(List.of("q3", "q4"), second.answers().stream().map(AnswerRecord::questionId).toList());
        assertEquals(null, second.next());
    }

    @Test
    void anOptOutOutlivesTheConversationItself() {
        StoredConversation out = new StoredConversation(ConversationState.fresh(KEY).withOptedOut(true), 1,
                List.of(), List.of(), null);
        store.commit(commit(StoredConversation.fresh(KEY), out, List.of(), List.of()));

        redis.del(keys.conversation(KEY, "state"));

        assertTrue(store.load(KEY).orElseThrow().state().optedOut());
        assertEquals(-1, redis.ttl(keys.conversation(KEY, "optout")), "the opt-out flag never expires");
    }

    @Test
    void optingBackInRemovesTheFlag() {
        StoredConversation out = new StoredConversation(ConversationState.fresh(KEY).withOptedOut(true), 1,
                List.of(), List.of(), null);
        store.commit(commit(StoredConversation.fresh(KEY), out, List.of(), List.of()));
        StoredConversation in = new StoredConversation(ConversationState.fresh(KEY), 2, List.of(), List.of(), null);

        store.commit(commit(store.load(KEY).orElseThrow(), in, List.of(), List.of()));

        assertFalse(store.load(KEY).orElseThrow().state().optedOut());
    }

    @Test
    void mailboxMessagesAreAppendedWithTheSaveAndAnnouncedToSubscribers() throws Exception {
        RedisMailbox mailbox = new RedisMailbox(redis, keys);
        LinkedBlockingQueue<ConversationKey> announced = new LinkedBlockingQueue<>();
        try (AutoCloseable subscription = mailbox.subscribe(announced::add)) {
            Thread.sleep(200);
            store.commit(commit(StoredConversation.fresh(KEY), full(1), List.of(),
                    List.of(new MailboxMessage("d-1", "第一条", T0), new MailboxMessage("d-2", "second", T0))));

            assertEquals(KEY, announced.poll(5, TimeUnit.SECONDS));
        }
        List<Mailbox.Entry> all = mailbox.read(KEY, null, 10);
        assertEquals(List.of("第一条", "second"), all.stream().map(Mailbox.Entry::text).toList());
        assertEquals(List.of("second"), mailbox.read(KEY, all.get(0).cursor(), 10).stream()
                .map(Mailbox.Entry::text).toList());
    }

    @Test
    void aSavedConversationExpiresAfterTheRetention() {
        store.commit(commit(StoredConversation.fresh(KEY), full(1), List.of(), List.of()));

        long ttl = redis.ttl(keys.conversation(KEY, "state"));

        assertTrue(ttl > Duration.ofDays(29).toSeconds() && ttl <= Duration.ofDays(30).toSeconds(), "ttl " + ttl);
    }

    @Test
    void aConversationWithAnActiveSurveyStaysWellUnderTwoKilobytes() {
        store.commit(commit(StoredConversation.fresh(KEY), full(1), List.of(), List.of()));

        Long bytes = redis.memoryUsage(keys.conversation(KEY, "state"));

        assertTrue(bytes != null && bytes < 1024, "MEMORY USAGE " + bytes);
    }

    @Test
    void answersOlderThanTheRetentionAreTrimmedAndNewerOnesKept() throws Exception {
        store.commit(commit(StoredConversation.fresh(KEY), full(1), List.of(answer("old", 1)), List.of()));
        Thread.sleep(5);
        java.time.Instant cut = java.time.Instant.now();
        Thread.sleep(5);
        store.commit(commit(full(1), new StoredConversation(full(1).state(), 2, List.of(), List.of(), null),
                List.of(answer("new", 2)), List.of()));

        long removed = new io.feedbackbot.redis.answer.AnswerRetention(redis, keys)
                .trimBefore(List.of("post-delivery-nps"), cut);

        assertEquals(1, removed);
        assertEquals(List.of("new"), new RedisResponseStore(redis, keys).page("post-delivery-nps", null, 10).answers()
                .stream().map(AnswerRecord::questionId).toList());
    }

    @Test
    void transcriptLinesAreAppendedWithTheSaveAndAnnouncedWhileAPersonIsInvolved() throws Exception {
        java.util.concurrent.LinkedBlockingQueue<String> announced = new java.util.concurrent.LinkedBlockingQueue<>();
        redis.clients.jedis.JedisPubSub listener = new redis.clients.jedis.JedisPubSub() {
            @Override
            public void onMessage(String channel, String message) {
                announced.add(message);
            }
        };
        Thread subscriber = new Thread(() -> redis.subscribe(listener, keys.transcriptChannel()));
        subscriber.start();
        Thread.sleep(200);
        StoredConversation withHandoff = full(1);
        store.commit(new Commit(StoredConversation.fresh(KEY), withHandoff, List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(new io.feedbackbot.core.store.TranscriptLine("customer", "还在吗？", T0),
                new io.feedbackbot.core.store.TranscriptLine("bot", "在的", T0)), null));

        assertEquals(KEY.id(), announced.poll(5, TimeUnit.SECONDS));
        listener.unsubscribe();
        List<String> lines = redis.lrange(keys.conversation(KEY, "transcript"), 0, -1);
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).contains("\"from\":\"customer\"") && lines.get(0).contains("还在吗？"), lines.get(0));
    }
}
