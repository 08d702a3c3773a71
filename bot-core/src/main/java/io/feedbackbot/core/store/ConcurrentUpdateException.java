package io.feedbackbot.core.store;

import io.feedbackbot.core.conversation.ConversationKey;

/** A conversation kept changing under us: every compare-and-set attempt lost to another writer. */
public final class ConcurrentUpdateException extends RuntimeException {

    public ConcurrentUpdateException(ConversationKey key, int attempts) {
        super("conversation " + key + " changed concurrently " + attempts + " times in a row");
    }
}
