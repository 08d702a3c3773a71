package io.feedbackbot.core.message;

import io.feedbackbot.core.conversation.ConversationKey;
import java.time.Instant;
import java.util.Objects;

/**
 * A message from a customer as every channel adapter hands it to the engine, after the adapter checked the
 * signature and decoded the provider's format.
 *
 * @param key       whose conversation
 * @param messageId the provider's id for this message; a retry carries the same id and changes nothing
 * @param content   what the customer sent
 * @param receivedAt when this server received it
 */
public record InboundMessage(ConversationKey key, String messageId, InboundContent content, Instant receivedAt) {

    public InboundMessage {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (messageId.isBlank() || messageId.length() > 200) {
            throw new IllegalArgumentException("messageId must be 1 to 200 characters");
        }
    }
}
