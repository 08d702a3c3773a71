package io.feedbackbot.core.conversation;

import java.time.Instant;
import java.util.Objects;

/**
 * Everything a dialog needs to know about one conversation. Immutable; a dialog returns a new state in its
 * {@link io.feedbackbot.core.dialog.Transition}. Engine bookkeeping (version, processed message ids, timers)
 * lives around it in {@link io.feedbackbot.core.store.StoredConversation}, never inside.
 *
 * @param key            whose conversation
 * @param language       the language the conversation speaks, once known
 * @param survey         the survey in progress, or null
 * @param lastClosed     the survey that ended last, or null
 * @param handoff        the open hand-off to a person, or null
 * @param optedOut       whether the customer opted out of all messages from this account
 * @param lastInboundAt  when the customer last wrote, or null
 * @param lastInvitedAt  when the customer was last invited to any survey, or null (fatigue rules)
 * @param lastAnsweredAt when the customer last answered any survey question, or null (fatigue rules)
 */
public record ConversationState(ConversationKey key, Language language, SurveyRun survey, ClosedSurvey lastClosed,
                                Handoff handoff, boolean optedOut, Instant lastInboundAt, Instant lastInvitedAt,
                                Instant lastAnsweredAt) {

    public ConversationState {
        Objects.requireNonNull(key, "key");
    }

    /** A conversation that has never seen a message. */
    public static ConversationState fresh(ConversationKey key) {
        return new ConversationState(key, null, null, null, null, false, null, null, null);
    }

    public ConversationState withLanguage(Language value) {
        return new ConversationState(key, value, survey, lastClosed, handoff, optedOut, lastInboundAt,
                lastInvitedAt, lastAnsweredAt);
    }

    public ConversationState withSurvey(SurveyRun value) {
        return new ConversationState(key, language, value, lastClosed, handoff, optedOut, lastInboundAt,
                lastInvitedAt, lastAnsweredAt);
    }

    /** Ends the running survey, remembering how it ended. */
    public ConversationState withSurveyClosed(SurveyStatus status, Instant at) {
        if (survey == null) {
            return this;
        }
        return new ConversationState(key, language, null, new ClosedSurvey(survey.surveyId(), survey.invitationId(),
                status, at, false),
                handoff, optedOut, lastInboundAt, lastInvitedAt, lastAnsweredAt);
    }

    public ConversationState withLastClosed(ClosedSurvey value) {
        return new ConversationState(key, language, survey, value, handoff, optedOut, lastInboundAt, lastInvitedAt,
                lastAnsweredAt);
    }

    public ConversationState withHandoff(Handoff value) {
        return new ConversationState(key, language, survey, lastClosed, value, optedOut, lastInboundAt,
                lastInvitedAt, lastAnsweredAt);
    }

    public ConversationState withOptedOut(boolean value) {
        return new ConversationState(key, language, survey, lastClosed, handoff, value, lastInboundAt,
                lastInvitedAt, lastAnsweredAt);
    }

    public ConversationState withLastInboundAt(Instant value) {
        return new ConversationState(key, language, survey, lastClosed, handoff, optedOut, value, lastInvitedAt,
                lastAnsweredAt);
    }

    public ConversationState withLastInvitedAt(Instant value) {
        return new ConversationState(key, language, survey, lastClosed, handoff, optedOut, lastInboundAt, value,
                lastAnsweredAt);
    }

    public ConversationState withLastAnsweredAt(Instant value) {
        return new ConversationState(key, language, survey, lastClosed, handoff, optedOut, lastInboundAt,
                lastInvitedAt, value);
    }
}
