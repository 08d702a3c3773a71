package io.feedbackbot.core.ticket;

import io.feedbackbot.core.conversation.CollectedAnswer;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a work order was opened with; never changes afterwards.
 *
 * @param reason     {@code customer_request}, {@code detractor}, {@code complaint}, {@code urgent_words}…
 * @param priority   {@code urgent}, {@code high}, {@code normal} or {@code low}
 * @param category   the complaint category, or null
 * @param evidence   what the agent should see first (score, probability, category, phrases, text)
 * @param context    the invitation's context (store, touchpoint, phone…)
 * @param answers    the survey's answers when it was opened
 * @param store      the store it came from (from the context), or null
 * @param area       that store's area, or null when the store is unknown
 * @param touchpoint the touchpoint (from the context), or null
 */
public record TicketOrigin(String reason, String priority, String category, Map<String, String> evidence,
                           String surveyId, String invitationId, Map<String, String> context,
                           List<CollectedAnswer> answers, String store, String area, String touchpoint) {

    public TicketOrigin {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(priority, "priority");
        evidence = evidence == null ? Map.of() : Map.copyOf(evidence);
        context = context == null ? Map.of() : Map.copyOf(context);
        answers = answers == null ? List.of() : List.copyOf(answers);
    }
}
