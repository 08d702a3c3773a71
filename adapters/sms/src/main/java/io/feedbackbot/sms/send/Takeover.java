package io.feedbackbot.sms.send;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The answer of {@link SendJournal#takeOver}: whether this caller now owns an intent that another sender recorded
 * but never finished, and so must settle it (ask the provider, then send only if it has nothing).
 */
public sealed interface Takeover {

    /**
     * This caller owns the intent now; its entry is pending again from this moment, so nobody else takes it over
     * before another {@code staleAfter} passes.
     *
     * @param recordedAt when the abandoned attempt was recorded: the provider's log is searched from then
     */
    record Granted(Instant recordedAt) implements Takeover {
        public Granted {
            Objects.requireNonNull(recordedAt, "recordedAt");
        }
    }

    /** The pending attempt is younger than {@code staleAfter}: it may still be under way; ask again after this. */
    record TooRecent(Duration remaining) implements Takeover {
        public TooRecent {
            Objects.requireNonNull(remaining, "remaining");
        }
    }

    /** The intent is not pending (it has an outcome, or no entry): read the journal again. */
    record NotPending() implements Takeover {
    }

    /** This journal keeps no times, so it cannot tell an abandoned attempt from a running one. */
    record Unsupported() implements Takeover {
    }
}
