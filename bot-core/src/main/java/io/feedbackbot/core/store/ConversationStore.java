package io.feedbackbot.core.store;

import io.feedbackbot.core.conversation.ConversationKey;
import java.util.Optional;

/**
 * Durable conversations. A conversation is saved only with compare-and-set on its version, so two nodes handling
 * the same customer at once never overwrite each other: the loser reloads and decides again.
 *
 * <p>Implementations keep the opt-out flag beyond the conversation's own retention: once a customer opted out,
 * every later load says so until they opt back in.
 */
public interface ConversationStore {

    /** The stored conversation, or empty if there is none (never written, or expired). */
    Optional<StoredConversation> load(ConversationKey key);

    /**
     * Saves a transition (see {@link Commit} for what is written and in which order).
     *
     * @return false if the conversation changed since {@code commit.previous()} was loaded; nothing of the
     *         conversation itself was written then (side records may have been, and are idempotent)
     */
    boolean commit(Commit commit);
}
