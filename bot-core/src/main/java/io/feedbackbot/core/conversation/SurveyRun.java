package io.feedbackbot.core.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One survey in progress with one customer: where it stands and what has been answered so far.
 *
 * @param surveyId      the survey definition's id
 * @param invitationId  the invitation that started it
 * @param campaignId    the campaign that sent the invitation, or null
 * @param language      the language of this run, or null until the customer's first reply fixes it (an
 *                      invitation without a language is sent in every language)
 * @param context       the invitation's context, copied into every answer
 * @param stepId        the question waiting for an answer
 * @param askedAt       when that question was asked
 * @param attempts      how many answers to that question were not understood so far
 * @param answers       the answers collected so far, in order (shown to agents on handoff)
 * @param startedAt     when the run started
 * @param expiresAt     when an unanswered run expires
 * @param policy        the invitation's reminder rule
 * @param remindersSent how many reminders went out
 */
public record SurveyRun(String surveyId, String invitationId, String campaignId, Language language,
                        Map<String, String> context, String stepId, Instant askedAt, int attempts,
                        List<CollectedAnswer> answers, Instant startedAt, Instant expiresAt,
                        InvitationPolicy policy, int remindersSent) {

    public SurveyRun {
        Objects.requireNonNull(surveyId, "surveyId");
        Objects.requireNonNull(invitationId, "invitationId");
        Objects.requireNonNull(stepId, "stepId");
        context = context == null ? Map.of() : Map.copyOf(context);
        answers = answers == null ? List.of() : List.copyOf(answers);
        policy = policy == null ? InvitationPolicy.NONE : policy;
    }

    /** The run waiting at another step, with a fresh attempt count. */
    public SurveyRun askedNext(String nextStepId, Instant at) {
        return new SurveyRun(surveyId, invitationId, campaignId, language, context, nextStepId, at, 0, answers,
                startedAt, expiresAt, policy, remindersSent);
    }

    /** The same step after an answer that was not understood. */
    public SurveyRun withFailedAttempt() {
        return new SurveyRun(surveyId, invitationId, campaignId, language, context, stepId, askedAt, attempts + 1,
                answers, startedAt, expiresAt, policy, remindersSent);
    }

    /** Fixes the run's language. */
    public SurveyRun withLanguage(Language value) {
        return new SurveyRun(surveyId, invitationId, campaignId, value, context, stepId, askedAt, attempts,
                answers, startedAt, expiresAt, policy, remindersSent);
    }

    public SurveyRun withAnswer(CollectedAnswer answer) {
        List<CollectedAnswer> all = new ArrayList<>(answers);
        all.add(answer);
        return new SurveyRun(surveyId, invitationId, campaignId, language, context, stepId, askedAt, attempts,
                all, startedAt, expiresAt, policy, remindersSent);
    }

    public SurveyRun withReminderSent() {
        return new SurveyRun(surveyId, invitationId, campaignId, language, context, stepId, askedAt, attempts,
                answers, startedAt, expiresAt, policy, remindersSent + 1);
    }

    /**
     * When the next reminder is due, or null: only while the customer has not replied at all since the run
     * started ({@code lastInboundAt}), and fewer than the allowed reminders went out.
     */
    public Instant nextReminderAt(Instant lastInboundAt) {
        boolean replied = lastInboundAt != null && !lastInboundAt.isBefore(startedAt);
        if (policy.reminderAfter() == null || remindersSent >= policy.maxReminders() || replied) {
            return null;
        }
        Instant due = startedAt.plus(policy.reminderAfter().multipliedBy(remindersSent + 1L));
        return due.isBefore(expiresAt) ? due : null;
    }
}
