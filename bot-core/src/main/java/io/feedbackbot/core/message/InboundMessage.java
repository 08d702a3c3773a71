package io.feedbackbot.core.message;

import io.feedbackbot.core.conversation.ConversationKey;
import io.feedbackbot.core.conversation.Language;
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
 * @param languageHint the customer's language as the channel knows it (a chat page's language), or null; the
 *                     text's own language wins when it shows one
 */
public record InboundMessage(ConversationKey key, String messageId, InboundContent content, Instant receivedAt,
                             Language languageHint) {

    public InboundMessage {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (messageId.isBlank() || messageId.length() > 200) {
            throw new IllegalArgumentException("messageId must be 1 to 200 characters");
        }
    }

    public InboundMessage(ConversationKey key, String messageId, InboundContent content, Instant receivedAt) {
        this(key, messageId, content, receivedAt, null);
    }
}
