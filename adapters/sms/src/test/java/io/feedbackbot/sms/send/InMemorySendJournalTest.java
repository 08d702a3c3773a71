package io.feedbackbot.sms.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feedbackbot.sms.rest.SendResult;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The contract every {@link SendJournal} keeps; the Redis journal should pass the same cases. */
class InMemorySendJournalTest {

    private static final SendIntent INTENT = SendIntent.of("i-1", "+8613800000000", "hi");

    private final SendJournal journal = new InMemorySendJournal();

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
            SendJournal j = new InMemorySendJournal();
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
    void anIntentNeedsAnIdAndAnE164Recipient() {
        assertThrows(IllegalArgumentException.class, () -> SendIntent.of(" ", "+8613800000000", "x"));
        assertThrows(IllegalArgumentException.class, () -> SendIntent.of("i", "13800000000", "x"));
        assertEquals("SendIntent[i-1, 1 segments]", INTENT.toString());
    }
}
