package io.feedbackbot.dialogs.survey;

import io.feedbackbot.core.answer.SurveyEvent;
import io.feedbackbot.core.conversation.ClosedSurvey;
import io.feedbackbot.core.conversation.ConversationState;
import io.feedbackbot.core.conversation.Handoff;
import io.feedbackbot.core.conversation.Invitation;
import io.feedbackbot.core.conversation.InvitationPolicy;
import io.feedbackbot.core.conversation.Language;
import io.feedbackbot.core.conversation.SurveyRun;
import io.feedbackbot.core.conversation.SurveyStatus;
import io.feedbackbot.core.dialog.Action;
import io.feedbackbot.core.dialog.Dialog;
import io.feedbackbot.core.dialog.DialogInput;
import io.feedbackbot.core.dialog.Transition;
import io.feedbackbot.core.outbound.Delivery;
import io.feedbackbot.dialogs.escalation.Escalation;
import io.feedbackbot.dialogs.intent.Intent;
import io.feedbackbot.dialogs.intent.IntentRecognizer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The survey conversation: starts surveys on invitation or when a customer writes first, asks the questions,
 * understands the answers (re-prompting within limits), follows the survey's branches, reminds customers who
 * have not replied, and recognises at any step the customer's wish to opt out, quit, or reach a person.
 * Complaints and detractor scores open work orders; while an agent has the conversation the bot is silent, and
 * after the agent resolves it the bot asks whether the problem was solved. Pure: see {@link Dialog}.
 *
 * <p>Every transition ends by scheduling the earliest of the conversation's deadlines (survey expiry, next
 * reminder, the "nobody has taken it yet" notice), so timers are always derived from the state.
 */
public final class SurveyDialog implements Dialog {

    private final SurveyCatalog catalog;
    private final DialogSettings settings;
    private final Phrases phrases;
    private final Prompts prompts;
    private final StepAnswering answering;
    private final HandoffFlow handoff;
    private final IntentRecognizer intents = new IntentRecognizer();

    public SurveyDialog(SurveyCatalog catalog, DialogSettings settings) {
        this.catalog = catalog;
        this.settings = settings;
        this.phrases = settings.phrases();
        this.prompts = new Prompts(phrases);
        this.answering = new StepAnswering(this, phrases, prompts, settings.escalation());
        this.handoff = new HandoffFlow(this, phrases, settings.waitingReplyEvery());
    }

    @Override
    public Transition next(ConversationState state, DialogInput input) {
        Turn turn = new Turn(state);
        if (input instanceof DialogInput.CustomerText text) {
            turn.state = state.withLastInboundAt(text.at());
            onText(turn, text);
        } else if (input instanceof DialogInput.SurveyInvited invited) {
            onInvited(turn, invited.invitation(), invited.at());
        } else if (input instanceof DialogInput.TimeoutElapsed timeout) {
            onTimeout(turn, timeout.at());
        } else if (input instanceof DialogInput.CustomerMedia media) {
            turn.state = state.withLastInboundAt(media.at());
            SurveyRun run = state.survey();
            if (run != null && !state.optedOut() && (state.handoff() == null || !state.handoff().withAgent())) {
                turn.say(phrases.textOnly().in(run.language()));
            }
        } else if (input instanceof DialogInput.CustomerEvent event) {
            onEvent(turn, event);
        } else {
            handoff.onAgentInput(turn, input);
        }
        Instant wake = nextWake(turn.state);
        if (wake != null) {
            turn.act(new Action.ScheduleTimeout(wake));
        }
        return turn.done();
    }

    /** The earliest deadline of the conversation, or null when nothing is pending. */
    static Instant nextWake(ConversationState state) {
        SurveyRun run = state.survey();
        Handoff h = state.handoff();
        return Stream.of(run == null ? null : run.expiresAt(),
                        run == null ? null : run.nextReminderAt(state.lastInboundAt()),
                        h == null || h.withAgent() ? null : h.noticeAt())
                .filter(java.util.Objects::nonNull).min(Instant::compareTo).orElse(null);
    }

    private void onInvited(Turn turn, Invitation invitation, Instant at) {
        ConversationState state = turn.state;
        Optional<SurveyDefinition> survey = catalog.survey(invitation.surveyId());
        String declined = null;
        Duration fatigue = invitation.policy().fatigueWindow();
        if (survey.isEmpty()) {
            declined = "unknown_survey";
        } else if (state.optedOut()) {
            declined = "opted_out";
        } else if (state.handoff() != null) {
            declined = "agent_handling";
        } else if (state.survey() != null && state.survey().invitationId().equals(invitation.invitationId())
                || state.lastClosed() != null && state.lastClosed().invitationId().equals(invitation.invitationId())) {
            declined = "duplicate_invitation";
        } else if (state.survey() != null && at.isBefore(state.survey().expiresAt())) {
            declined = "survey_in_progress";
        } else if (fatigue != null && (within(state.lastInvitedAt(), at, fatigue)
                || within(state.lastAnsweredAt(), at, fatigue))) {
            declined = "fatigue";
        }
        if (declined != null) {
            turn.act(new Action.DeclineInvitation(invitation.invitationId(), declined));
            return;
        }
        closeSurvey(turn, SurveyStatus.EXPIRED, at);
        Language language = invitation.language() != null ? invitation.language() : state.language();
        start(turn, survey.get(), invitation, language, at, Delivery.Purpose.INVITATION);
    }

    private static boolean within(Instant earlier, Instant now, Duration window) {
        return earlier != null && earlier.plus(window).isAfter(now);
    }

    private void onTimeout(Turn turn, Instant at) {
        SurveyRun run = turn.state.survey();
        if (run != null && !at.isBefore(run.expiresAt())) {
            closeSurvey(turn, SurveyStatus.EXPIRED, at);
        } else if (run != null) {
            Instant reminder = run.nextReminderAt(turn.state.lastInboundAt());
            Optional<SurveyDefinition> survey = catalog.survey(run.surveyId());
            if (reminder != null && !at.isBefore(reminder) && survey.isPresent() && !turn.state.optedOut()) {
                turn.state = turn.state.withSurvey(run.withReminderSent());
                turn.purpose = Delivery.Purpose.REMINDER;
                turn.say(phrases.reminder().in(run.language()));
                turn.say(prompts.question(survey.get().step(run.stepId()).orElse(survey.get().first()), run.language()));
            }
        }
        handoff.onTimeout(turn, at);
    }

    private void onEvent(Turn turn, DialogInput.CustomerEvent event) {
        if (event.event().equalsIgnoreCase("unsubscribe")) {
            closeSurvey(turn, SurveyStatus.OPTED_OUT, event.at());
            turn.state = turn.state.withOptedOut(true);
            return;
        }
        String surveyId = null;
        if (event.event().equalsIgnoreCase("subscribe")) {
            turn.state = turn.state.withOptedOut(false);
            surveyId = catalog.account(turn.state.key()).welcomeSurvey();
        } else if (event.eventKey() != null && event.eventKey().startsWith("survey:")) {
            surveyId = event.eventKey().substring("survey:".length());
        }
        if (surveyId != null && turn.state.survey() == null && turn.state.handoff() == null && !turn.state.optedOut()) {
            Optional<SurveyDefinition> survey = catalog.survey(surveyId);
            survey.ifPresent(s -> start(turn, s, invitationFrom(turn.state, s, event.at(), "event", Map.of()),
                    turn.state.language(), event.at(), Delivery.Purpose.CONVERSATION));
        }
    }

    private void onText(Turn turn, DialogInput.CustomerText text) {
        ConversationState state = turn.state;
        AccountProfile account = catalog.account(state.key());
        Optional<Intent> intent = intents.recognize(text.text(), account.lexicon());
        Language language = languageFor(state, text, account);
        if (state.optedOut()) {
            if (intent.equals(Optional.of(Intent.OPT_IN))) {
                turn.state = state.withOptedOut(false);
                turn.say(phrases.optedIn().in(language));
            } else if (intent.equals(Optional.of(Intent.HELP)) && account.helpText() != null) {
                turn.say(account.helpText().in(language));
            }
            return;
        }
        if (intent.equals(Optional.of(Intent.OPT_OUT))) {
            closeSurvey(turn, SurveyStatus.OPTED_OUT, text.at());
            turn.state = turn.state.withOptedOut(true);
            turn.say(phrases.optedOut().in(language));
            return;
        }
        if (state.handoff() != null && handoff.onCustomerText(turn, text, intent, language)) {
            return;
        }
        if (intent.isPresent() && handleIntent(turn, intent.get(), text, language, account)) {
            return;
        }
        SurveyRun run = state.survey();
        Optional<SurveyDefinition> survey = run == null ? Optional.empty() : catalog.survey(run.surveyId());
        if (survey.isPresent() && text.at().isBefore(run.expiresAt())) {
            if (run.language() == null) {
                turn.state = state.withSurvey(run.withLanguage(language))
                        .withLanguage(state.language() != null ? state.language() : language);
            }
            answering.answer(turn, survey.get(), text);
            return;
        }
        if (run != null) {
            closeSurvey(turn, SurveyStatus.EXPIRED, text.at());
        }
        whenNoSurvey(turn, text, language, account);
    }

    /** Handles an intent; false when the text should be read as an answer instead. */
    private boolean handleIntent(Turn turn, Intent intent, DialogInput.CustomerText text, Language language,
                                 AccountProfile account) {
        switch (intent) {
            case HUMAN -> {
                openTicket(turn, new Escalation("customer_request", "normal", Map.of("text", text.text())), text.at());
                closeSurvey(turn, SurveyStatus.HANDED_OFF, text.at());
                turn.say(phrases.handoffRequested().in(language));
                return true;
            }
            case QUIT -> {
                if (turn.state.survey() == null) {
                    return false;
                }
                closeSurvey(turn, SurveyStatus.QUIT, text.at());
                turn.say(phrases.quitConfirmed().in(language));
                return true;
            }
            case HELP -> {
                if (account.helpText() == null) {
                    return false;
                }
                turn.say(account.helpText().in(language));
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private void whenNoSurvey(Turn turn, DialogInput.CustomerText text, Language language, AccountProfile account) {
        ConversationState state = turn.state;
        Optional<Escalation> complaint = settings.escalation().forText(text.text(), text.complaint());
        if (complaint.isPresent()) {
            openTicket(turn, complaint.get(), text.at());
            turn.say(phrases.complaintAcknowledged().in(language));
            return;
        }
        ClosedSurvey closed = state.lastClosed();
        if (closed != null && text.at().isBefore(closed.endedAt().plus(account.quietPeriod()))) {
            if (!closed.acknowledged()) {
                turn.state = state.withLastClosed(closed.acknowledge());
                turn.say(phrases.surveyClosed().in(language));
            }
            return;
        }
        Optional<SurveyDefinition> survey = catalog.survey(account.defaultSurvey());
        if (survey.isPresent()) {
            turn.state = state.withLanguage(state.language() != null ? state.language() : language);
            start(turn, survey.get(), invitationFrom(turn.state, survey.get(), text.at(), "inbound", Map.of()),
                    turn.state.language(), text.at(), Delivery.Purpose.CONVERSATION);
        }
    }

    /** Starts a survey run and asks its first question. */
    void start(Turn turn, SurveyDefinition survey, Invitation invitation, Language language, Instant at,
               Delivery.Purpose purpose) {
        Duration expiry = invitation.policy().expiresAfter() != null ? invitation.policy().expiresAfter()
                : survey.expiresAfter();
        SurveyRun run = new SurveyRun(survey.id(), invitation.invitationId(), invitation.campaignId(), language,
                invitation.context(), survey.first().id(), at, 0, List.of(), at, at.plus(expiry), invitation.policy(), 0);
        turn.state = turn.state.withSurvey(run).withLastClosed(null).withLastInvitedAt(at);
        turn.purpose = purpose;
        if (survey.intro() != null) {
            turn.say(survey.intro().in(language));
        }
        turn.say(prompts.question(survey.first(), language));
        turn.act(new Action.RecordSurveyEvent(new SurveyEvent(SurveyEvent.Type.STARTED, survey.id(),
                invitation.invitationId(), invitation.campaignId(), turn.state.key(), null, run.context(), at)));
    }

    /** Starts the follow-up after a resolved work order. */
    void startFollowUp(Turn turn, String ticketId, String agent, Instant at) {
        catalog.survey(FollowUpSurvey.ID).ifPresent(s -> start(turn, s, invitationFrom(turn.state, s, at,
                "follow-up:" + ticketId, Map.of("ticketId", ticketId, "agent", agent)), turn.state.language(), at,
                Delivery.Purpose.CONVERSATION));
    }

    /** Ends the running survey, if any, recording how it ended. */
    static void closeSurvey(Turn turn, SurveyStatus status, Instant at) {
        SurveyRun run = turn.state.survey();
        if (run == null) {
            return;
        }
        turn.act(new Action.RecordSurveyEvent(new SurveyEvent(SurveyEvent.Type.ENDED, run.surveyId(),
                run.invitationId(), run.campaignId(), turn.state.key(), status, run.context(), at)));
        turn.state = turn.state.withSurveyClosed(status, at);
    }

    /**
     * Opens a work order, or, when one is already open for this conversation, adds this evidence to it (a
     * detractor's ticket learns the complaint the customer then typed).
     */
    void openTicket(Turn turn, Escalation escalation, Instant at) {
        if (turn.state.handoff() != null) {
            Map<String, String> fields = new java.util.LinkedHashMap<>(escalation.evidence());
            fields.put("reason", escalation.reason());
            turn.act(new Action.UpdateTicket(turn.state.handoff().ticketId(), "evidence", fields));
            return;
        }
        String ticketId = deterministicId(turn.state.key().id() + "|ticket|" + at.toEpochMilli());
        turn.act(new Action.OpenTicket(ticketId, escalation.reason(), escalation.priority(), escalation.evidence()));
        turn.state = turn.state.withHandoff(Handoff.waiting(escalation.reason(), ticketId, at,
                at.plus(settings.handoffNoticeAfter())));
    }

    private Language languageFor(ConversationState state, DialogInput.CustomerText text, AccountProfile account) {
        if (state.survey() != null && state.survey().language() != null) {
            return state.survey().language();
        }
        if (state.language() != null) {
            return state.language();
        }
        return text.detected() != null ? text.detected() : account.defaultLanguage();
    }

    private static Invitation invitationFrom(ConversationState state, SurveyDefinition survey, Instant at,
                                             String source, Map<String, String> context) {
        String id = deterministicId(state.key().id() + "|" + survey.id() + "|" + source + "|" + at.toEpochMilli());
        Map<String, String> all = new java.util.LinkedHashMap<>(context);
        all.put("source", source.startsWith("follow-up") ? "follow-up" : source);
        return new Invitation(id, survey.id(), state.key(), state.language(), all, null, InvitationPolicy.NONE, at);
    }

    private static String deterministicId(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
