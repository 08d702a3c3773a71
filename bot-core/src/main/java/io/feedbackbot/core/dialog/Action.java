package io.feedbackbot.core.dialog;

import io.feedbackbot.core.answer.AnswerRecord;
import io.feedbackbot.core.answer.SurveyEvent;
import io.feedbackbot.core.outbound.Delivery;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** Something a dialog asks the engine to do. Actions are data; the engine executes them after deciding. */
public sealed interface Action {

    /**
     * Send a message to the customer through the conversation's own channel: in the webhook's response when the
     * customer's message is being handled, else as a delivery for the given purpose.
     */
    record SendReply(String text, Delivery.Purpose purpose) implements Action {
        public SendReply {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(purpose, "purpose");
        }

        public SendReply(String text) {
            this(text, Delivery.Purpose.CONVERSATION);
        }
    }

    /** Store an answer (durably, once). */
    record RecordAnswer(AnswerRecord answer) implements Action {
        public RecordAnswer {
            Objects.requireNonNull(answer, "answer");
        }
    }

    /** Store a survey milestone (started, ended) for response and completion rates. */
    record RecordSurveyEvent(SurveyEvent event) implements Action {
        public RecordSurveyEvent {
            Objects.requireNonNull(event, "event");
        }
    }

    /**
     * Hand the conversation to a person: open a work order.
     *
     * @param ticketId derived from the conversation and the moment, so a retried message opens it once
     * @param reason   {@code customer_request}, {@code detractor}, {@code complaint}, {@code urgent_words}…
     * @param priority {@code low}, {@code normal}, {@code high} or {@code urgent}
     * @param evidence what the agent should see first (score, probability, category, matched phrases, text)
     */
    record OpenTicket(String ticketId, String reason, String priority, Map<String, String> evidence)
            implements Action {
        public OpenTicket {
            Objects.requireNonNull(ticketId, "ticketId");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(priority, "priority");
            evidence = evidence == null ? Map.of() : Map.copyOf(evidence);
        }
    }

    /**
     * Record something that happened to a work order from the conversation's side: the customer left the queue
     * ({@code customer_left}), the follow-up was answered ({@code follow_up} with {@code solved}, {@code csat}).
     */
    record UpdateTicket(String ticketId, String event, Map<String, String> fields) implements Action {
        public UpdateTicket {
            Objects.requireNonNull(ticketId, "ticketId");
            Objects.requireNonNull(event, "event");
            fields = fields == null ? Map.of() : Map.copyOf(fields);
        }
    }

    /** Deliver {@link DialogInput.TimeoutElapsed} at this moment; replaces any earlier timeout. */
    record ScheduleTimeout(Instant at) implements Action {
        public ScheduleTimeout {
            Objects.requireNonNull(at, "at");
        }
    }

    /** The invitation in the input was not started; {@code reason} says why ({@code opted_out}…). */
    record DeclineInvitation(String invitationId, String reason) implements Action {
        public DeclineInvitation {
            Objects.requireNonNull(invitationId, "invitationId");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
