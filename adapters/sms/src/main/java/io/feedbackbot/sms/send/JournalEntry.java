package io.feedbackbot.sms.send;

import io.feedbackbot.sms.rest.SendResult;
import java.util.Objects;
import java.util.Optional;

/**
 * A journal's record of one intent: the intent, and its outcome once known. An entry without an outcome is either
 * being sent right now or was interrupted mid-send (a crash): both mean "may have been sent".
 */
public record JournalEntry(SendIntent intent, Optional<SendResult> outcome) {

    public JournalEntry {
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** True when a new send of this intent is allowed: the provider certainly did not take the previous one. */
    public boolean retryable() {
        return outcome.isPresent() && outcome.get() instanceof SendResult.NotSent;
    }
}
