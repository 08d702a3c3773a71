package io.feedbackbot.core.store;

import java.util.List;
import java.util.Objects;

/**
 * A customer message the conversation has already handled, with the replies it produced, so that a provider's
 * retry of it is answered with the same replies and changes nothing.
 */
public record ProcessedMessage(String messageId, List<String> replies) {

    public ProcessedMessage {
        Objects.requireNonNull(messageId, "messageId");
        replies = replies == null ? List.of() : List.copyOf(replies);
    }
}
