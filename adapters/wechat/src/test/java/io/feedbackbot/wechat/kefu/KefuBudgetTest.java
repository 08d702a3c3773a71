package io.feedbackbot.wechat.kefu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feedbackbot.wechat.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KefuBudgetTest {

    private static final String ACCOUNT = "main";
    private static final String OPENID = "oyORnuP8q7ou2gfYjqLzSIWZf0rs";
    private static final Instant T0 = Instant.ofEpochSecond(1_700_000_000L);

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryKefuBudgetStore store = new InMemoryKefuBudgetStore(clock);
    private final KefuBudget budget = new KefuBudget(store, KefuWindow.DEFAULT);

    @Test
    void aUserMessageOpensAWindowOfFiveReservations() {
        budget.recordUserMessage(ACCOUNT, OPENID, T0);
        for (int i = 1; i <= 5; i++) {
            assertEquals(Optional.of(new KefuUsage(Optional.of(T0), i)), budget.tryReserve(ACCOUNT, OPENID, T0));
        }
        assertEquals(Optional.empty(), budget.tryReserve(ACCOUNT, OPENID, T0));
    }

    @Test
    void aNewUserMessageResetsTheCountButAnOlderOneDoesNot() {
        budget.recordUserMessage(ACCOUNT, OPENID, T0);
        budget.tryReserve(ACCOUNT, OPENID, T0);
        budget.recordUserMessage(ACCOUNT, OPENID, T0.minusSeconds(10));
        assertEquals(1, store.get(ACCOUNT, OPENID).sentSince());

        budget.recordUserMessage(ACCOUNT, OPENID, T0.plusSeconds(10));
        assertEquals(KefuUsage.openedAt(T0.plusSeconds(10)), store.get(ACCOUNT, OPENID));
    }

    @Test
    void noReservationWithoutAUserMessage() {
        assertEquals(Optional.empty(), budget.tryReserve(ACCOUNT, OPENID, T0));
    }

    @Test
    void aRefusalFromWeChatSpendsTheRestOfTheWindow() {
        budget.recordUserMessage(ACCOUNT, OPENID, T0);
        KefuUsage reserved = budget.tryReserve(ACCOUNT, OPENID, T0).orElseThrow();

        budget.markSpent(ACCOUNT, OPENID, reserved);

        assertEquals(Optional.empty(), budget.tryReserve(ACCOUNT, OPENID, T0));
    }

    @Test
    void aRefusalDoesNotSpendAWindowTheUserOpenedSince() {
        budget.recordUserMessage(ACCOUNT, OPENID, T0);
        KefuUsage reserved = budget.tryReserve(ACCOUNT, OPENID, T0).orElseThrow();
        budget.recordUserMessage(ACCOUNT, OPENID, T0.plusSeconds(5));

        budget.markSpent(ACCOUNT, OPENID, reserved);

        assertTrue(budget.tryReserve(ACCOUNT, OPENID, T0.plusSeconds(6)).isPresent());
    }

    @Test
    void theStoredUsageExpiresWithTheWindow() {
        budget.recordUserMessage(ACCOUNT, OPENID, T0);
        clock.advance(Duration.ofHours(48));
        assertEquals(KefuUsage.NONE, store.get(ACCOUNT, OPENID));
    }

    @Test
    void twoNodesRacingForTheLastSlotGetItOnce() {
        budget.recordUserMessage(ACCOUNT, OPENID, T0);
        for (int i = 0; i < 4; i++) {
            budget.tryReserve(ACCOUNT, OPENID, T0);
        }
        // Node B reads the same usage node A read; A's compare-and-set wins, B's fails and B re-reads.
        KefuUsage seenByBoth = store.get(ACCOUNT, OPENID);
        assertTrue(store.compareAndSet(ACCOUNT, OPENID, seenByBoth, seenByBoth.plusOne(), T0.plusSeconds(60)));
        assertEquals(false, store.compareAndSet(ACCOUNT, OPENID, seenByBoth, seenByBoth.plusOne(), T0.plusSeconds(60)));
        assertEquals(Optional.empty(), budget.tryReserve(ACCOUNT, OPENID, T0));
    }
}
