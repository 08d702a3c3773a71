package io.feedbackbot.sms.send;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.feedbackbot.sms.rest.SendResult;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The takeover contract of {@link SendJournal#takeOver}; a Redis journal should pass the same cases. */
class JournalTakeoverTest {

    private static final SendIntent INTENT = SendIntent.of("i-1", "+8613800000000", "hi");
    private static final Duration STALE = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2026-05-06T02:00:00Z");

    private final SettlingSmsSenderTest.MutableClock clock = new SettlingSmsSenderTest.MutableClock(T0);
    private final SendJournal journal = new InMemorySendJournal(clock);

    @Test
    void aYoungPendingIntentIsNotTakenOver() {
        journal.recordIntent(INTENT);
        clock.advance(Duration.ofSeconds(12));

        assertEquals(new Takeover.TooRecent(Duration.ofSeconds(18)), journal.takeOver(INTENT.id(), STALE));
    }

    @Test
    void aStalePendingIntentIsTakenOverOnceAndIsYoungAgainAfterwards() {
        journal.recordIntent(INTENT);
        clock.advance(STALE);

        assertEquals(new Takeover.Granted(T0), journal.takeOver(INTENT.id(), STALE));
        assertEquals(new Takeover.TooRecent(STALE), journal.takeOver(INTENT.id(), STALE));
    }

    @Test
    void anIntentWithAnOutcomeOrNoEntryIsNotPending() {
        journal.recordIntent(INTENT);
        journal.recordOutcome(INTENT.id(), new SendResult.Unknown("timeout"));
        clock.advance(STALE);

        assertEquals(new Takeover.NotPending(), journal.takeOver(INTENT.id(), STALE));
        assertEquals(new Takeover.NotPending(), journal.takeOver("nobody", STALE));
    }
}
