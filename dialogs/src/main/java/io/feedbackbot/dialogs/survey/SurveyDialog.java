package io.feedbackbot.dialogs.survey;

import io.feedbackbot.core.answer.SurveyEvent;
import io.feedbackbot.core.conversation.ClosedSurvey;
import io.feedbackbot.core.conversation.ConversationState;
import io.feedbackbot.core.conversation.Handoff;
import io.feedbackbot.core.conversation.Invitation;
import io.feedbackbot.core.conversation.Language;
import io.feedbackbot.core.conversation.SurveyRun;
import io.feedbackbot.core.conversation.SurveyStatus;
import io.feedbackbot.core.dialog.Action;
import io.feedbackbot.core.dialog.Dialog;
import io.feedbackbot.core.dialog.DialogInput;
import io.feedbackbot.core.dialog.Transition;
import io.feedbackbot.dialogs.escalation.Escalation;
import io.feedbackbot.dialogs.escalation.EscalationPolicy;
import io.feedbackbot.dialogs.intent.Intent;
import io.feedbackbot.dialogs.intent.IntentRecognizer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The survey conversation: starts surveys on invitation or when a customer writes first, asks the questions,
 * understands the answers (re-prompting within limits), follows the survey's branches, and recognises at any
 * step the customer's wish to opt out, quit, or reach a person. Complaints and detractor scores open work orders.
 * Pure: see {@link Dialog}.
 */
public final class SurveyDialog implements Dialog {

    private final SurveyCatalog catalog;
    private final Phrases phrases;
    private final EscalationPolicy escalation;
    private final StepAnswering answering;
    private final IntentRecognizer intents = new IntentRecognizer();

    public SurveyDialog(SurveyCatalog catalog, Phrases phrases, EscalationPolicy escalation) {
        this.catalog = catalog;
        this.phrases = phrases;
        this.escalation = escalation;
        this.answering = new StepAnswering(phrases, new Prompts(phrases), escalation);
    }

    @Override
    public Transition next(ConversationState state, DialogInput input) {
        if (input instanceof DialogInput.CustomerText text) {
            return onText(new Turn(state.withLastInboundAt(text.at())), text);
        }
        if (input instanceof DialogInput.SurveyInvited invited) {
            return onInvited(new Turn(state), invited.invitation(), invited.at());
        }
        if (input instanceof DialogInput.TimeoutElapsed timeout) {
            return onTimeout(new Turn(state), timeout.at());
        }
        if (input instanceof DialogInput.CustomerMedia media) {
            Turn turn = new Turn(state.withLastInboundAt(media.at()));
            if (state.survey() != null && !state.optedOut()) {
                turn.say(phrases.textOnly().in(state.survey().language()));
            }
            return turn.done();
        }
        return onEvent(new Turn(state), (DialogInput.CustomerEvent) input);
    }

    private Transition onInvited(Turn turn, Invitation invitation, Instant at) {
        ConversationState state = turn.state;
        Optional<SurveyDefinition> survey = catalog.survey(invitation.surveyId());
        String declined = null;
        if (survey.isEmpty()) {
            declined = "unknown_survey";
        } else if (state.optedOut()) {
            declined = "opted_out";
        } else if (state.handoff() != null) {
            declined = "agent_handling";
        } else if (state.survey() != null && state.survey().invitationId().equals(invitation.invitationId())) {
            declined = "duplicate_invitation";
        } else if (state.survey() != null && at.isBefore(state.survey().expiresAt())) {
            declined = "survey_in_progress";
        }
        if (declined != null) {
            turn.act(new Action.DeclineInvitation(invitation.invitationId(), declined));
            return turn.done();
        }
        closeSurvey(turn, SurveyStatus.EXPIRED, at);
        Language language = invitation.language() != null ? invitation.language() : state.language();
        start(turn, survey.get(), invitation, language, at);
        return turn.done();
    }

    private Transition onTimeout(Turn turn, Instant at) {
        SurveyRun run = turn.state.survey();
        if (run == null) {
            return turn.done();
        }
        if (at.isBefore(run.expiresAt())) {
            turn.act(new Action.ScheduleTimeout(run.expiresAt()));
        } else {
            closeSurvey(turn, SurveyStatus.EXPIRED, at);
        }
        return turn.done();
    }

    private Transition onEvent(Turn turn, DialogInput.CustomerEvent event) {
        ConversationState state = turn.state;
        if (event.event().equalsIgnoreCase("unsubscribe")) {
            closeSurvey(turn, SurveyStatus.OPTED_OUT, event.at());
            turn.state = turn.state.withOptedOut(true);
            return turn.done();
        }
        String surveyId = null;
        if (event.event().equalsIgnoreCase("subscribe")) {
            turn.state = state.withOptedOut(false);
            surveyId = catalog.account(state.key()).welcomeSurvey();
        } else if (event.eventKey() != null && event.eventKey().startsWith("survey:")) {
            surveyId = event.eventKey().substring("survey:".length());
        }
        if (surveyId != null && turn.state.survey() == null && !turn.state.optedOut()) {
            Optional<SurveyDefinition> survey = catalog.survey(surveyId);
            survey.ifPresent(s -> start(turn, s, invitationFrom(turn.state, s, event.at(), "event"),
                    turn.state.language(), event.at()));
        }
        return turn.done();
    }

    private Transition onText(Turn turn, DialogInput.CustomerText text) {
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
            return turn.done();
        }
        if (intent.isPresent() && handleIntent(turn, intent.get(), text, language, account)) {
            return turn.done();
        }
        SurveyRun run = state.survey();
        Optional<SurveyDefinition> survey = run == null ? Optional.empty() : catalog.survey(run.surveyId());
        if (survey.isPresent() && text.at().isBefore(run.expiresAt())) {
            if (run.language() == null) {
                turn.state = state.withSurvey(run.withLanguage(language))
                        .withLanguage(state.language() != null ? state.language() : language);
            }
            answering.answer(turn, survey.get(), text);
            return turn.done();
        }
        if (run != null) {
            closeSurvey(turn, SurveyStatus.EXPIRED, text.at());
        }
        return whenNoSurvey(turn, text, language, account);
    }

    /** Handles an intent; false when the text should be read as an answer instead. */
    private boolean handleIntent(Turn turn, Intent intent, DialogInput.CustomerText text, Language language,
                                 AccountProfile account) {
        switch (intent) {
            case OPT_OUT -> {
                closeSurvey(turn, SurveyStatus.OPTED_OUT, text.at());
                turn.state = turn.state.withOptedOut(true);
                turn.say(phrases.optedOut().in(language));
                return true;
            }
            case HUMAN -> {
                if (turn.state.handoff() != null) {
                    turn.say(phrases.handoffPending().in(language));
                } else {
                    openTicket(turn, new Escalation("customer_request", "normal", Map.of("text", text.text())),
                            text.at());
                    closeSurvey(turn, SurveyStatus.HANDED_OFF, text.at());
                    turn.say(phrases.handoffRequested().in(language));
                }
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

    private Transition whenNoSurvey(Turn turn, DialogInput.CustomerText text, Language language,
                                    AccountProfile account) {
        ConversationState state = turn.state;
        Optional<Escalation> complaint = escalation.forText(text.text(), text.complaint());
        if (state.handoff() != null) {
            turn.say(phrases.handoffPending().in(language));
            return turn.done();
        }
        if (complaint.isPresent()) {
            openTicket(turn, complaint.get(), text.at());
            turn.say(phrases.complaintAcknowledged().in(language));
            return turn.done();
        }
        ClosedSurvey closed = state.lastClosed();
        if (closed != null && text.at().isBefore(closed.endedAt().plus(account.quietPeriod()))) {
            if (!closed.acknowledged()) {
                turn.state = state.withLastClosed(closed.acknowledge());
                turn.say(phrases.surveyClosed().in(language));
            }
            return turn.done();
        }
        Optional<SurveyDefinition> survey = catalog.survey(account.defaultSurvey());
        if (survey.isPresent()) {
            turn.state = state.withLanguage(state.language() != null ? state.language() : language);
            start(turn, survey.get(), invitationFrom(turn.state, survey.get(), text.at(), "inbound"),
                    turn.state.language(), text.at());
        }
        return turn.done();
    }

    private void start(Turn turn, SurveyDefinition survey, Invitation invitation, Language language, Instant at) {
        Instant expiresAt = at.plus(survey.expiresAfter());
        SurveyRun run = new SurveyRun(survey.id(), invitation.invitationId(), invitation.campaignId(), language,
                invitation.context(), survey.first().id(), at, 0, List.of(), at, expiresAt);
        turn.state = turn.state.withSurvey(run).withLastClosed(null).withLastInvitedAt(at);
        if (survey.intro() != null) {
            turn.say(survey.intro().in(language));
        }
        turn.say(new Prompts(phrases).question(survey.first(), language));
        turn.act(new Action.RecordSurveyEvent(new SurveyEvent(SurveyEvent.Type.STARTED, survey.id(),
                invitation.invitationId(), invitation.campaignId(), turn.state.key(), null, run.context(), at)));
        turn.act(new Action.ScheduleTimeout(expiresAt));
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

    /** Opens a work order unless one is already open for this conversation. */
    static void openTicket(Turn turn, Escalation escalation, Instant at) {
        if (turn.state.handoff() != null) {
            return;
        }
        String ticketId = deterministicId(turn.state.key().id() + "|ticket|" + at.toEpochMilli());
        turn.act(new Action.OpenTicket(ticketId, escalation.reason(), escalation.priority(), escalation.evidence()));
        turn.state = turn.state.withHandoff(new Handoff(escalation.reason(), ticketId, at));
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
                                             String source) {
        String id = deterministicId(state.key().id() + "|" + survey.id() + "|" + source + "|" + at.toEpochMilli());
        return new Invitation(id, survey.id(), state.key(), state.language(), Map.of("source", source), null, at);
    }

    private static String deterministicId(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
