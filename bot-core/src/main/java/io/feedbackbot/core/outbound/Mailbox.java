package io.feedbackbot.core.outbound;

import io.feedbackbot.core.conversation.ConversationKey;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The messages kept for customers of a mailbox channel (web chat): whatever the bot or an agent sent outside a
 * webhook's own response, in order, readable from a cursor, with live notice of new ones on every node.
 */
public interface Mailbox {

    /** Up to {@code limit} messages after {@code cursor} (null: from the oldest kept). */
    List<Entry> read(ConversationKey key, String cursor, int limit);

    /**
     * Calls {@code listener} (on a background thread) with the conversation whenever a message is appended to
     * its mailbox on any node. Closing the handle stops the calls.
     */
    AutoCloseable subscribe(Consumer<ConversationKey> listener);

    /**
     * One message.
     *
     * @param cursor its position; pass it back to read what came after it
     */
    record Entry(String cursor, String text, Instant at) {
    }
}
