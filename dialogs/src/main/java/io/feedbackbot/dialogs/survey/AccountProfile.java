package io.feedbackbot.dialogs.survey;

import io.feedbackbot.core.conversation.Language;
import io.feedbackbot.dialogs.intent.IntentLexicon;
import java.time.Duration;
import java.util.Objects;

/**
 * How the bot behaves on one channel account.
 *
 * @param defaultSurvey   the survey a customer gets by writing first, or null for none
 * @param welcomeSurvey   the survey a new follower gets (WeChat {@code subscribe}), or null
 * @param defaultLanguage the language when neither the invitation nor the customer's text tells
 * @param lexicon         the intent keywords of this account (SMS accounts add carrier opt-out words)
 * @param helpText        the reply to HELP/INFO, or null when HELP is not a keyword here
 * @param quietPeriod     after a survey ends, how long messages get a polite "this survey has closed" (once)
 *                        instead of a new default survey
 */
public record AccountProfile(String defaultSurvey, String welcomeSurvey, Language defaultLanguage,
                             IntentLexicon lexicon, LocalizedText helpText, Duration quietPeriod) {

    public AccountProfile {
        Objects.requireNonNull(defaultLanguage, "defaultLanguage");
        Objects.requireNonNull(lexicon, "lexicon");
        Objects.requireNonNull(quietPeriod, "quietPeriod");
    }

    /** No default survey, Chinese, the default keywords. */
    public static AccountProfile basic() {
        return new AccountProfile(null, null, Language.ZH_CN, IntentLexicon.defaults(), null, Duration.ofHours(12));
    }
}
