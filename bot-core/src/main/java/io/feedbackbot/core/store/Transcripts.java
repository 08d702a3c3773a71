package io.feedbackbot.core.store;

import io.feedbackbot.core.conversation.ConversationKey;
import java.util.List;
import java.util.function.Consumer;

/**
 * Conversations' transcripts as agents read them: the newest lines, each with a sequence number that only grows,
 * so a reader that remembers the last number it saw reads exactly what came after, in order, on any node.
 */
public interface Transcripts {

    /** The kept lines numbered above {@code afterSeq} (0: all kept lines), oldest first. */
    List<Numbered> read(ConversationKey key, long afterSeq);

    /**
     * Calls {@code listener} (on a background thread) with the conversation whenever lines are added to the
     * transcript of a conversation that is with people, on any node. Closing the handle stops the calls.
     */
    AutoCloseable subscribe(Consumer<ConversationKey> listener);

    /** A line and its number. */
    record Numbered(long seq, TranscriptLine line) {
    }
}
