package io.feedbackbot.core.answer;

import io.feedbackbot.core.conversation.ConversationKey;
import io.feedbackbot.core.conversation.SurveyStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A milestone in one survey run, stored next to its answers so reports can count invitations, starts and
 * completions (response and completion rates).
 *
 * @param type   what happened
 * @param status how the run ended, for {@link Type#ENDED}; null otherwise
 */
public record SurveyEvent(Type type, String surveyId, String invitationId, String campaignId, ConversationKey key,
                          SurveyStatus status, Map<String, String> context, Instant at) {

    /** The kinds of milestones. */
    public enum Type {
        /** The first question was sent. */
        STARTED,
        /** The run ended; see {@link SurveyEvent#status()}. */
        ENDED
    }

    public SurveyEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(surveyId, "surveyId");
        Objects.requireNonNull(invitationId, "invitationId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(at, "at");
        if ((type == Type.ENDED) != (status != null)) {
            throw new IllegalArgumentException("an ENDED event has a status, a STARTED event none");
        }
        context = context == null ? Map.of() : Map.copyOf(context);
    }
}
