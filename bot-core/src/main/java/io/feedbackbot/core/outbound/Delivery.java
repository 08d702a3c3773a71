package io.feedbackbot.core.outbound;

import io.feedbackbot.core.conversation.ConversationKey;
import java.util.Map;
import java.util.Objects;

/**
 * A message to send to a customer outside a webhook's own response: a survey invitation, a question after a
 * delay, an agent's reply, a reminder.
 *
 * @param deliveryId unique and stable: a sender sends each id at most once, however often it is asked
 * @param to         the customer's conversation (its channel picks the sender)
 * @param text       the message text
 * @param purpose    why it is sent; channels may send invitations differently (a WeChat template message)
 * @param attributes what the message belongs to: {@code surveyId}, {@code invitationId}, {@code campaignId} and
 *                   the invitation's context as {@code context.<name>} (channels fill templates from them)
 */
public record Delivery(String deliveryId, ConversationKey to, String text, Purpose purpose,
                       Map<String, String> attributes) {

    /** Why a message is sent. */
    public enum Purpose {
        /** The first message of a survey the customer did not ask for. */
        INVITATION,
        /** A message of a running conversation (next question, acknowledgement). */
        CONVERSATION,
        /** A reminder to answer a survey. */
        REMINDER,
        /** A message written by an agent. */
        AGENT
    }

    public Delivery {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(purpose, "purpose");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
