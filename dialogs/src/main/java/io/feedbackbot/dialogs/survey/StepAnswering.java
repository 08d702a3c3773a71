package io.feedbackbot.dialogs.survey;

import io.feedbackbot.core.answer.AnswerRecord;
import io.feedbackbot.core.answer.AnswerStatus;
import io.feedbackbot.core.conversation.CollectedAnswer;
import io.feedbackbot.core.conversation.Language;
import io.feedbackbot.core.conversation.SurveyRun;
import io.feedbackbot.core.conversation.SurveyStatus;
import io.feedbackbot.core.dialog.Action;
import io.feedbackbot.core.dialog.DialogInput;
import io.feedbackbot.dialogs.answer.AnswerParser;
import io.feedbackbot.dialogs.answer.ParsedAnswer;
import io.feedbackbot.dialogs.escalation.Escalation;
import io.feedbackbot.dialogs.escalation.EscalationPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Takes the customer's reply to the current step: records an understood answer and moves along the survey's
 * branches; asks again (with an example, or "which one?") at most {@code maxReprompts} times, then records "no
 * answer" and moves on; lets a complaint that is not an answer interrupt the survey politely.
 */
final class StepAnswering {

    private static final Pattern TRAILING_MARKS = Pattern.compile("[。.!！~]+$");
    private static final Set<String> SKIP_WORDS = Set.of("没有", "无", "没", "没了", "不用", "不用了", "跳过", "算了",
            "不评价", "不想评价", "没什么", "no", "none", "nothing", "skip", "n/a", "na", "nope", "no thanks", "nah",
            "pass");

    private final SurveyDialog dialog;
    private final Phrases phrases;
    private final Prompts prompts;
    private final EscalationPolicy escalation;
    private final AnswerParser parser = new AnswerParser();

    StepAnswering(SurveyDialog dialog, Phrases phrases, Prompts prompts, EscalationPolicy escalation) {
        this.dialog = dialog;
        this.phrases = phrases;
        this.prompts = prompts;
        this.escalation = escalation;
    }

    void answer(Turn turn, SurveyDefinition survey, DialogInput.CustomerText text) {
        SurveyRun run = turn.state.survey();
        Optional<Step> current = survey.step(run.stepId());
        if (current.isEmpty()) {
            finish(turn, survey, text.at());
            return;
        }
        Step step = current.get();
        Language language = run.language();
        Optional<Escalation> complaint = escalation.forText(text.text(), text.complaint());
        ParsedAnswer parsed = null;
        CollectedAnswer collected;
        String stripped = text.text().strip();
        boolean skip = step.optional()
                && SKIP_WORDS.contains(TRAILING_MARKS.matcher(stripped.toLowerCase(Locale.ROOT)).replaceAll(""));
        if (step.type() == QuestionType.TEXT) {
            collected = stripped.isEmpty() ? null : new CollectedAnswer(step.id(), skip ? null : stripped, null);
        } else {
            parsed = parse(step, text.text());
            collected = collected(step, parsed);
            skip = skip && collected == null;
            if (skip) {
                collected = new CollectedAnswer(step.id(), null, null);
            }
        }
        AnswerStatus status = skip ? AnswerStatus.SKIPPED : AnswerStatus.ANSWERED;
        if (collected != null) {
            record(turn, step, collected, status, text);
            if (collected.score() != null) {
                escalation.forScore(step, collected.score()).ifPresent(e -> dialog.openTicket(turn, e, text.at()));
            }
            if (complaint.isPresent()) {
                dialog.openTicket(turn, complaint.get(), text.at());
                turn.say(phrases.complaintAcknowledged().in(language));
                turn.followUpPromised = true;
            }
            advance(turn, survey, step, collected, text.at());
            return;
        }
        if (complaint.isPresent()) {
            dialog.openTicket(turn, complaint.get(), text.at());
            SurveyDialog.closeSurvey(turn, SurveyStatus.HANDED_OFF, text.at());
            turn.say(phrases.complaintAcknowledged().in(language));
            return;
        }
        if (run.attempts() < survey.maxReprompts()) {
            if (parsed instanceof ParsedAnswer.Ambiguous ambiguous) {
                turn.state = turn.state.withSurvey(run.withFailedAttempt());
                turn.say(prompts.askWhich(ambiguous.candidates(), language));
            } else {
                turn.state = turn.state.withSurvey(run.withFailedAttempt());
                turn.say(prompts.reprompt(step, language));
            }
            return;
        }
        CollectedAnswer none = new CollectedAnswer(step.id(), null, null);
        record(turn, step, none, AnswerStatus.NO_ANSWER, text);
        turn.say(phrases.movingOn().in(language));
        advance(turn, survey, step, none, text.at());
    }

    private ParsedAnswer parse(Step step, String text) {
        QuestionType type = step.type();
        if (type.scored()) {
            return parser.scale(text, type.min(), type.max());
        }
        if (type == QuestionType.YES_NO) {
            return parser.yesNo(text);
        }
        List<List<String>> labels = step.options().stream().map(o -> List.of(o.label().in(Language.ZH_CN),
                o.label().in(Language.EN), o.id())).toList();
        return parser.choice(text, labels);
    }

    /** The answer to keep, or null when the reply was not an answer. */
    private static CollectedAnswer collected(Step step, ParsedAnswer parsed) {
        if (parsed instanceof ParsedAnswer.Score score) {
            return new CollectedAnswer(step.id(), Integer.toString(score.value()), score.value());
        }
        if (parsed instanceof ParsedAnswer.YesNo yesNo) {
            return new CollectedAnswer(step.id(), yesNo.yes() ? "yes" : "no", null);
        }
        if (parsed instanceof ParsedAnswer.Choice choice) {
            return new CollectedAnswer(step.id(), step.options().get(choice.index()).id(), null);
        }
        return null;
    }

    private void record(Turn turn, Step step, CollectedAnswer collected, AnswerStatus status,
                        DialogInput.CustomerText text) {
        SurveyRun run = turn.state.survey();
        boolean freeText = step.type() == QuestionType.TEXT && status == AnswerStatus.ANSWERED;
        AnswerRecord record = new AnswerRecord(AnswerRecord.idFor(run.invitationId(), step.id()), run.surveyId(),
                run.invitationId(), run.campaignId(), step.id(), step.type().id(), step.type().scale(),
                collected.value(), collected.score(), status, text.text(), run.language(), turn.state.key(),
                run.context(), run.askedAt(), text.at(),
                freeText ? text.complaint().probability() : null, freeText ? text.complaint().category() : null);
        turn.act(new Action.RecordAnswer(record));
        turn.state = turn.state.withSurvey(run.withAnswer(collected));
        if (status == AnswerStatus.ANSWERED) {
            turn.state = turn.state.withLastAnsweredAt(text.at());
        }
        String ticketId = run.context().get("ticketId");
        if (run.surveyId().equals(FollowUpSurvey.ID) && ticketId != null) {
            turn.act(new Action.UpdateTicket(ticketId, "follow_up", Map.of(step.id(),
                    collected.value() == null ? "" : collected.value())));
        }
    }

    private void advance(Turn turn, SurveyDefinition survey, Step step, CollectedAnswer answer, Instant at) {
        String target = null;
        for (Branch branch : step.next()) {
            if (branch.when() == null || branch.when().matches(answer)) {
                target = branch.target();
                break;
            }
        }
        Optional<Step> next = target == null ? survey.following(step)
                : target.equals(Branch.END) ? Optional.empty() : survey.step(target);
        if (next.isEmpty()) {
            finish(turn, survey, at);
            return;
        }
        SurveyRun run = turn.state.survey();
        turn.state = turn.state.withSurvey(run.askedNext(next.get().id(), at));
        turn.say(prompts.question(next.get(), run.language()));
    }

    private void finish(Turn turn, SurveyDefinition survey, Instant at) {
        Language language = turn.state.survey().language();
        String thanks = survey.thanks().in(language);
        if (turn.state.handoff() != null && !turn.followUpPromised) {
            thanks = thanks + (language == Language.EN ? " " : "") + phrases.followUpPromised().in(language);
        }
        turn.say(thanks);
        SurveyDialog.closeSurvey(turn, SurveyStatus.COMPLETED, at);
    }
}
