package io.feedbackbot.core.engine;

import io.feedbackbot.core.conversation.ConversationKey;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers, for recently active conversations, the stored version whose deliveries this node has finished.
 * A conversation loaded at that version has nothing left to send; any other version's deliveries are sent again
 * (each at most once, the senders guarantee that). Bounded: old entries are forgotten, which only costs a
 * redundant, harmless re-send attempt.
 */
final class DeliveredVersions {

    private final Map<ConversationKey, Long> done;

    DeliveredVersions(int capacity) {
        this.done = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ConversationKey, Long> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized boolean isDone(ConversationKey key, long version) {
        Long v = done.get(key);
        return v != null && v == version;
    }

    synchronized void markDone(ConversationKey key, long version) {
        done.merge(key, version, Math::max);
    }
}
