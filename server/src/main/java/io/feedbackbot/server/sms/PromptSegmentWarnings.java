package io.feedbackbot.server.sms;

import io.feedbackbot.config.SmsAccount;
import io.feedbackbot.core.conversation.Language;
import io.feedbackbot.dialogs.survey.Phrases;
import io.feedbackbot.dialogs.survey.Prompts;
import io.feedbackbot.dialogs.survey.Step;
import io.feedbackbot.dialogs.survey.SurveyDefinition;
import io.feedbackbot.sms.segment.PromptSegmentCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start-up check of survey texts against each SMS account's {@code maxSegments}: the intro with the first
 * question (the dialog sends them as one message), every other question as it is sent (options included) and the
 * thanks, in every language, each counted as the SMS it becomes. An oversized prompt still works, it just costs
 * more, so this warns and never fails the start.
 */
final class PromptSegmentWarnings {

    private static final Logger log = LoggerFactory.getLogger(PromptSegmentWarnings.class);

    private PromptSegmentWarnings() {
    }

    /** Logs one WARN line per oversized prompt and returns the lines, for tests. */
    static List<String> check(List<SmsAccount> accounts, List<SurveyDefinition> surveys) {
        Prompts prompts = new Prompts(Phrases.defaults());
        List<String> warnings = new ArrayList<>();
        for (SmsAccount account : accounts) {
            for (SurveyDefinition survey : surveys) {
                for (Language language : Language.values()) {
                    Map<String, String> texts = new LinkedHashMap<>();
                    for (Step step : survey.steps()) {
                        String question = prompts.question(step, language);
                        if (step == survey.first() && survey.intro() != null) {
                            texts.put("intro + step " + step.id(), survey.intro().in(language) + "\n\n" + question);
                        } else {
                            texts.put("step " + step.id(), question);
                        }
                    }
                    texts.put("thanks", survey.thanks().in(language));
                    for (PromptSegmentCheck.OversizedPrompt over
                            : PromptSegmentCheck.oversized(account.id(), texts, account.maxSegments())) {
                        String line = "survey '" + survey.id() + "', " + over.promptId() + ", language "
                                + language.tag() + ": " + over.count().segments() + " SMS segments ("
                                + over.count().encoding().label() + ", " + over.count().units() + " units), but SMS"
                                + " account '" + account.id() + "' allows " + account.maxSegments();
                        log.warn(line);
                        warnings.add(line);
                    }
                }
            }
        }
        return List.copyOf(warnings);
    }
}
