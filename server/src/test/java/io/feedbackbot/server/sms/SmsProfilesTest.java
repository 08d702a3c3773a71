package io.feedbackbot.server.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.feedbackbot.config.SmsAccount;
import io.feedbackbot.core.conversation.Language;
import io.feedbackbot.dialogs.intent.Intent;
import io.feedbackbot.dialogs.intent.IntentLexicon;
import io.feedbackbot.dialogs.intent.IntentRecognizer;
import io.feedbackbot.dialogs.survey.LocalizedText;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SmsProfilesTest {

    private final IntentRecognizer recognizer = new IntentRecognizer();

    private static SmsAccount account(List<String> optOut, Map<String, String> help) {
        SmsAccount a = SmsOutboundSenderTest.account("http://x");
        return new SmsAccount(a.id(), a.provider(), a.accountSid(), a.authToken(), a.from(), null, a.apiBaseUrl(),
                a.publicUrl(), a.defaultRegion(), optOut, List.of("START", "YES"), help, a.maxSegments(),
                a.replyDeadline(), a.defaultSurvey(), a.defaultLanguage());
    }

    @Test
    void theAccountsKeywordsDecideOptOutAndQuitBecomesAnOptOut() {
        IntentLexicon lexicon = SmsProfiles.lexicon(account(List.of("STOP", "QUIT", "TD"), Map.of()));

        assertEquals(Optional.of(Intent.OPT_OUT), recognizer.recognize("quit", lexicon));
        assertEquals(Optional.of(Intent.OPT_OUT), recognizer.recognize("td", lexicon));
        assertEquals(Optional.of(Intent.OPT_OUT), recognizer.recognize("不要再发了", lexicon), "default phrases stay");
        assertEquals(Optional.empty(), recognizer.recognize("R", lexicon), "not this account's word");
        assertEquals(Optional.of(Intent.QUIT), recognizer.recognize("exit", lexicon));
        assertEquals(Optional.of(Intent.HELP), recognizer.recognize("INFO", lexicon));
    }

    @Test
    void aLanguageWithoutHelpTextGetsTheBuiltInTextInThatLanguage() {
        LocalizedText help = SmsProfiles.helpText(account(List.of("TD", "STOP"), Map.of("zh-CN", "【某某】回复TD退订")));

        assertEquals("【某某】回复TD退订", help.in(Language.ZH_CN));
        assertEquals("Customer feedback surveys. Reply TD to unsubscribe, START to subscribe again.",
                help.in(Language.EN));
    }

    @Test
    void theStatusUrlIsThePublicUrlWithStatusAppendedToItsPath() {
        assertEquals("https://bot.example.com/webhooks/sms/main/status",
                SmsLine.statusUrl("https://bot.example.com/webhooks/sms/main"));
        assertEquals("https://bot.example.com/sms/main/status?tenant=7",
                SmsLine.statusUrl("https://bot.example.com/sms/main?tenant=7"));
    }
}
