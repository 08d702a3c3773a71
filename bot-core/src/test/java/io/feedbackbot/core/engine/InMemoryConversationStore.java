package io.feedbackbot.core.engine;

import io.feedbackbot.core.answer.AnswerRecord;
import io.feedbackbot.core.answer.SurveyEvent;
import io.feedbackbot.core.conversation.ConversationKey;
import io.feedbackbot.core.store.Commit;
import io.feedbackbot.core.store.ConversationStore;
import io.feedbackbot.core.store.MailboxMessage;
import io.feedbackbot.core.store.StoredConversation;
import io.feedbackbot.core.store.TicketRequest;
import io.feedbackbot.core.store.TimerIndex;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A conversation store and timer index in memory, with the same compare-and-set and idempotency rules as the
 * Redis one, for engine tests. Can be told to lose the next commits' races.
 */
final class InMemoryConversationStore implements ConversationStore, TimerIndex {

    final Map<ConversationKey, StoredConversation> conversations = new HashMap<>();
    final Map<String, AnswerRecord> answers = new LinkedHashMap<>();
    final List<SurveyEvent> events = new ArrayList<>();
    final Map<String, TicketRequest> tickets = new LinkedHashMap<>();
    final List<MailboxMessage> mailbox = new ArrayList<>();
    final List<io.feedbackbot.core.store.TranscriptLine> transcript = new ArrayList<>();
    final Map<ConversationKey, Instant> timers = new HashMap<>();
    int commits;
    /** Before a commit is checked, this may change the stored conversation (a concurrent writer). */
    Predicate<Commit> interfere = c -> false;

    @Override
    public synchronized Optional<StoredConversation> load(ConversationKey key) {
        return Optional.ofNullable(conversations.get(key));
    }

    @Override
    public synchronized boolean commit(Commit commit) {
        commits++;
        commit.answers().forEach(a -> answers.putIfAbsent(a.answerId(), a));
        events.addAll(commit.events());
        commit.tickets().forEach(t -> tickets.putIfAbsent(t.ticketId(), t));
        ConversationKey key = commit.next().state().key();
        if (commit.timerAt() != null) {
            timers.merge(key, commit.timerAt(), (a, b) -> a.isBefore(b) ? a : b);
        }
        if (interfere.test(commit)) {
            StoredConversation current = conversations.getOrDefault(key, commit.previous());
            conversations.put(key, new StoredConversation(current.state(), current.version() + 1, current.recent(),
                    current.deliveries(), current.wakeAt()));
        }
        long stored = conversations.containsKey(key) ? conversations.get(key).version() : 0;
        if (stored != commit.previous().version()) {
            return false;
        }
        conversations.put(key, commit.next());
        mailbox.addAll(commit.mailbox());
        transcript.addAll(commit.transcript());
        return true;
    }

    @Override
    public synchronized List<ConversationKey> claimDue(Instant now, int limit, Duration lease) {
        List<ConversationKey> due = new ArrayList<>();
        for (Map.Entry<ConversationKey, Instant> e : timers.entrySet()) {
            if (!e.getValue().isAfter(now) && due.size() < limit) {
                due.add(e.getKey());
            }
        }
        due.forEach(k -> timers.put(k, now.plus(lease)));
        return due;
    }

    @Override
    public synchronized void set(ConversationKey key, Instant at) {
        if (at == null) {
            timers.remove(key);
        } else {
            timers.put(key, at);
        }
    }
}
