package io.feedbackbot.server.sms;

import io.feedbackbot.config.SmsAccount;
import io.feedbackbot.core.conversation.Language;
import io.feedbackbot.dialogs.intent.Intent;
import io.feedbackbot.dialogs.intent.IntentLexicon;
import io.feedbackbot.dialogs.survey.AccountProfile;
import io.feedbackbot.dialogs.survey.LocalizedText;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How the bot behaves on one SMS account. The account's {@code optOutKeywords} and {@code optInKeywords} replace
 * the default opt-out and opt-in keywords (the lists are the account's to decide: carriers and providers differ);
 * every other intent keeps the defaults, and so do the default phrases ({@code 不要再发了}). {@code QUIT} is a carrier
 * opt-out word: as an opt-out keyword it wins over the survey's "quit" (the dialog ranks opt-out first).
 *
 * <p>HELP always gets an answer on SMS (carriers require one). A language without configured {@code helpText}
 * gets the built-in text in that language, naming the account's first opt-out and opt-in keywords, rather than the
 * other language's text: a customer writing English should not get Chinese instructions.
 */
final class SmsProfiles {

    private SmsProfiles() {
    }

    static AccountProfile profile(SmsAccount account, Duration quietPeriod) {
        return new AccountProfile(account.defaultSurvey(), null, account.defaultLanguage(), lexicon(account),
                helpText(account), quietPeriod);
    }

    static IntentLexicon lexicon(SmsAccount account) {
        IntentLexicon defaults = IntentLexicon.defaults();
        Map<Intent, List<String>> keywords = new EnumMap<>(Intent.class);
        Map<Intent, List<String>> phrases = new EnumMap<>(Intent.class);
        for (Intent intent : Intent.values()) {
            keywords.put(intent, defaults.keywordsOf(intent));
            phrases.put(intent, defaults.phrasesOf(intent));
        }
        keywords.put(Intent.OPT_OUT, account.optOutKeywords());
        keywords.put(Intent.OPT_IN, account.optInKeywords());
        return new IntentLexicon(keywords, phrases);
    }

    static LocalizedText helpText(SmsAccount account) {
        Map<Language, String> texts = new EnumMap<>(Language.class);
        String optOut = account.optOutKeywords().isEmpty() ? "STOP" : account.optOutKeywords().get(0);
        String optIn = account.optInKeywords().isEmpty() ? "START" : account.optInKeywords().get(0);
        for (Language language : Language.values()) {
            String configured = account.helpText().get(language.tag());
            texts.put(language, configured != null && !configured.isBlank() ? configured
                    : builtInHelp(language, optOut, optIn));
        }
        return new LocalizedText(texts);
    }

    private static String builtInHelp(Language language, String optOut, String optIn) {
        return switch (language) {
            case ZH_CN -> "这是客户满意度调查短信。如需退订请回复 " + optOut + "，恢复接收请回复 " + optIn + "。";
            case EN -> "Customer feedback surveys. Reply " + optOut + " to unsubscribe, " + optIn
                    + " to subscribe again.";
        };
    }
}
