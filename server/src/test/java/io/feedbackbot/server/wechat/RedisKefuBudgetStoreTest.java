package io.feedbackbot.server.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feedbackbot.redis.testing.TestRedis;
import io.feedbackbot.wechat.kefu.KefuBudget;
import io.feedbackbot.wechat.kefu.KefuUsage;
import io.feedbackbot.wechat.kefu.KefuWindow;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each follower's customer-service budget, shared by all nodes through Redis. */
class RedisKefuBudgetStoreTest {

    private static final String ACCOUNT = "main";
    private static final String OPENID = "oyORnuP8q7ou2gfYjqLzSIWZf0rs";

    private final Clock clock = Clock.systemUTC();
    private final WechatKeys keys = new WechatKeys(TestRedis.freshKeys());
    private final RedisKefuBudgetStore store = new RedisKefuBudgetStore(TestRedis.client(), keys, clock);
    private final Instant wrote = clock.instant().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void nothingStoredIsNoWindow() {
        assertEquals(KefuUsage.NONE, store.get(ACCOUNT, OPENID));
    }

    @Test
    void compareAndSetStoresOnlyOverTheExpectedUsage() {
        KefuUsage opened = KefuUsage.openedAt(wrote);
        assertTrue(store.compareAndSet(ACCOUNT, OPENID, KefuUsage.NONE, opened, wrote.plusSeconds(3600)));
        assertFalse(store.compareAndSet(ACCOUNT, OPENID, KefuUsage.NONE, opened.plusOne(), wrote.plusSeconds(3600)));
        assertTrue(store.compareAndSet(ACCOUNT, OPENID, opened, opened.plusOne(), wrote.plusSeconds(3600)));
        assertEquals(new KefuUsage(Optional.of(wrote), 1), store.get(ACCOUNT, OPENID));
    }

    @Test
    void theBudgetLivesUnderTheFollowersConversationAndExpiresWithTheWindow() {
        store.compareAndSet(ACCOUNT, OPENID, KefuUsage.NONE, KefuUsage.openedAt(wrote), wrote.plusSeconds(3600));
        String key = keys.kefuBudget(WechatKeys.conversation(ACCOUNT, OPENID));
        assertTrue(key.contains("{conv:wechat:main:" + OPENID + "}"), key);
        long ttl = TestRedis.client().pttl(key);
        assertTrue(ttl > 0 && ttl <= 3_600_000, "ttl " + ttl);
    }

    @Test
    void aWindowThatClosedIsNotStored() {
        assertTrue(store.compareAndSet(ACCOUNT, OPENID, KefuUsage.NONE, KefuUsage.openedAt(wrote),
                wrote.minusSeconds(1)));
        assertEquals(KefuUsage.NONE, store.get(ACCOUNT, OPENID));
    }

    @Test
    void fiveMessagesAfterTheFollowerWroteThenATemplateIsRequired() {
        KefuBudget budget = new KefuBudget(store, KefuWindow.DEFAULT);
        budget.recordUserMessage(ACCOUNT, OPENID, wrote);
        for (int i = 1; i <= 5; i++) {
            assertEquals(i, budget.tryReserve(ACCOUNT, OPENID, wrote.plusSeconds(i)).orElseThrow().sentSince());
        }
        assertEquals(Optional.empty(), budget.tryReserve(ACCOUNT, OPENID, wrote.plusSeconds(6)));
        budget.recordUserMessage(ACCOUNT, OPENID, wrote.plusSeconds(7));
        assertTrue(budget.tryReserve(ACCOUNT, OPENID, wrote.plusSeconds(8)).isPresent(), "writing again reopens it");
    }
}
