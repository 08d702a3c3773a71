package io.feedbackbot.core.conversation;

import java.time.Instant;
import java.util.Objects;

/**
 * The survey that ended last in a conversation, kept so that a late reply is answered gracefully instead of
 * starting a new survey at once.
 *
 * @param surveyId     the survey that ended
 * @param invitationId the invitation that started it (a repeated invitation with this id is declined)
 * @param status       how it ended
 * @param endedAt      when it ended
 * @param acknowledged whether a late reply has already been answered with a polite "this survey is over"
 */
public record ClosedSurvey(String surveyId, String invitationId, SurveyStatus status, Instant endedAt,
                           boolean acknowledged) {

    public ClosedSurvey {
        Objects.requireNonNull(surveyId, "surveyId");
        Objects.requireNonNull(invitationId, "invitationId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(endedAt, "endedAt");
    }

    public ClosedSurvey acknowledge() {
        return new ClosedSurvey(surveyId, invitationId, status, endedAt, true);
    }
}
