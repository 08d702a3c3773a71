package io.feedbackbot.core.store;

import io.feedbackbot.core.conversation.ConversationKey;
import io.feedbackbot.core.conversation.ConversationState;
import io.feedbackbot.core.outbound.Delivery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A conversation as it is stored: the dialog's state plus the engine's bookkeeping around it.
 *
 * @param state      the dialog's state
 * @param version    incremented by every save; saves are compare-and-set on it (0 = never saved)
 * @param recent     the last handled message ids, newest last, for dedupe of provider retries
 * @param deliveries the deliveries the last transition asked for; re-sent (at most once each) if a crash left
 *                   them unsent
 * @param wakeAt     when the dialog's scheduled timeout is due, or null
 */
public record StoredConversation(ConversationState state, long version, List<ProcessedMessage> recent,
                                 List<Delivery> deliveries, Instant wakeAt) {

    /** How many handled message ids are remembered. */
    public static final int RECENT_IDS = 8;
    /** Of those, how many newest keep their replies (retries come within seconds). */
    public static final int RECENT_REPLIES = 2;

    public StoredConversation {
        Objects.requireNonNull(state, "state");
        recent = recent == null ? List.of() : List.copyOf(recent);
        deliveries = deliveries == null ? List.of() : List.copyOf(deliveries);
    }

    public static StoredConversation fresh(ConversationKey key) {
        return new StoredConversation(ConversationState.fresh(key), 0, List.of(), List.of(), null);
    }

    public StoredConversation withState(ConversationState value) {
        return new StoredConversation(value, version, recent, deliveries, wakeAt);
    }

    public Optional<ProcessedMessage> processed(String messageId) {
        for (ProcessedMessage m : recent) {
            if (m.messageId().equals(messageId)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** The remembered ids after handling one more message: bounded, with replies kept only for the newest. */
    public List<ProcessedMessage> recentWith(ProcessedMessage handled) {
        List<ProcessedMessage> all = new ArrayList<>(recent);
        all.add(handled);
        int from = Math.max(0, all.size() - RECENT_IDS);
        List<ProcessedMessage> kept = new ArrayList<>(all.subList(from, all.size()));
        for (int i = 0; i < kept.size() - RECENT_REPLIES; i++) {
            if (!kept.get(i).replies().isEmpty()) {
                kept.set(i, new ProcessedMessage(kept.get(i).messageId(), List.of()));
            }
        }
        return kept;
    }
}
