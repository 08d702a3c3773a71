package io.feedbackbot.sms.send;

import io.feedbackbot.sms.rest.SendResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link SendJournal} in one process's memory: atomic within the process, lost on restart. For tests and the
 * simulator only; production uses the Redis journal.
 */
public final class InMemorySendJournal implements SendJournal {

    private record Stamped(JournalEntry entry, Instant recordedAt) {
    }

    private final ConcurrentMap<String, Stamped> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemorySendJournal() {
        this(Clock.systemUTC());
    }

    /** @param clock when attempts are recorded, for {@link #takeOver} */
    public InMemorySendJournal(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean recordIntent(SendIntent intent) {
        boolean[] claimed = {false};
        entries.compute(intent.id(), (id, existing) -> {
            if (existing == null || existing.entry().retryable()) {
                claimed[0] = true;
                return new Stamped(new JournalEntry(intent, Optional.empty()), clock.instant());
            }
            return existing;
        });
        return claimed[0];
    }

    @Override
    public void recordOutcome(String intentId, SendResult outcome) {
        entries.computeIfPresent(intentId, (id, existing) ->
                new Stamped(new JournalEntry(existing.entry().intent(), Optional.of(outcome)), existing.recordedAt()));
    }

    @Override
    public Optional<JournalEntry> find(String intentId) {
        return Optional.ofNullable(entries.get(intentId)).map(Stamped::entry);
    }

    @Override
    public Takeover takeOver(String intentId, Duration staleAfter) {
        Takeover[] answer = {new Takeover.NotPending()};
        entries.computeIfPresent(intentId, (id, existing) -> {
            if (existing.entry().outcome().isPresent()) {
                return existing;
            }
            Instant now = clock.instant();
            Duration age = Duration.between(existing.recordedAt(), now);
            if (age.compareTo(staleAfter) < 0) {
                answer[0] = new Takeover.TooRecent(staleAfter.minus(age));
                return existing;
            }
            answer[0] = new Takeover.Granted(existing.recordedAt());
            return new Stamped(existing.entry(), now);
        });
        return answer[0];
    }
}
