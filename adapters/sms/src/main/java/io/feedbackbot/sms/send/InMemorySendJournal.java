package io.feedbackbot.sms.send;

import io.feedbackbot.sms.rest.SendResult;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link SendJournal} in one process's memory: atomic within the process, lost on restart. For tests and the
 * simulator only; production uses the Redis journal.
 */
public final class InMemorySendJournal implements SendJournal {

    private final ConcurrentMap<String, JournalEntry> entries = new ConcurrentHashMap<>();

    @Override
    public boolean recordIntent(SendIntent intent) {
        boolean[] claimed = {false};
        entries.compute(intent.id(), (id, existing) -> {
            if (existing == null || existing.retryable()) {
                claimed[0] = true;
                return new JournalEntry(intent, Optional.empty());
            }
            return existing;
        });
        return claimed[0];
    }

    @Override
    public void recordOutcome(String intentId, SendResult outcome) {
        entries.computeIfPresent(intentId, (id, existing) -> new JournalEntry(existing.intent(), Optional.of(outcome)));
    }

    @Override
    public Optional<JournalEntry> find(String intentId) {
        return Optional.ofNullable(entries.get(intentId));
    }
}
