package io.feedbackbot.core.store;

import io.feedbackbot.core.conversation.CollectedAnswer;
import io.feedbackbot.core.conversation.ConversationKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A request to hand a conversation to a person, as the engine stores it: the dialog's
 * {@link io.feedbackbot.core.dialog.Action.OpenTicket} plus the survey it interrupted.
 *
 * @param surveyId     the survey running when it was opened, or null
 * @param invitationId that survey's invitation, or null
 * @param context      the invitation's context (store, touchpoint…)
 * @param answers      the survey's answers so far
 */
public record TicketRequest(String ticketId, ConversationKey key, String reason, String priority,
                            Map<String, String> evidence, String surveyId, String invitationId,
                            Map<String, String> context, List<CollectedAnswer> answers, Instant at) {

    public TicketRequest {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(at, "at");
        evidence = evidence == null ? Map.of() : Map.copyOf(evidence);
        context = context == null ? Map.of() : Map.copyOf(context);
        answers = answers == null ? List.of() : List.copyOf(answers);
    }
}
