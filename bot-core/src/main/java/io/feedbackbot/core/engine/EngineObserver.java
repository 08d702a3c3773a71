package io.feedbackbot.core.engine;

import io.feedbackbot.core.answer.AnswerRecord;
import io.feedbackbot.core.conversation.ConversationKey;
import io.feedbackbot.core.outbound.Delivery;
import io.feedbackbot.core.outbound.DeliveryOutcome;
import io.feedbackbot.core.store.TicketRequest;

/**
 * Hears what the engine did, for metrics and logs. Callbacks run on engine threads and must not block or throw.
 */
public interface EngineObserver {

    default void messageHandled(ConversationKey key, boolean duplicate, int replies, long nanos) {
    }

    default void answerRecorded(AnswerRecord answer) {
    }

    default void ticketRequested(TicketRequest ticket) {
    }

    default void commitConflict(ConversationKey key) {
    }

    default void delivered(Delivery delivery, DeliveryOutcome outcome) {
    }

    EngineObserver NONE = new EngineObserver() {
    };
}
