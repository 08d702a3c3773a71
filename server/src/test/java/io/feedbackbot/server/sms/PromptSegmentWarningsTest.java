package io.feedbackbot.server.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feedbackbot.config.SmsAccount;
import io.feedbackbot.config.survey.SurveyFiles;
import io.feedbackbot.dialogs.survey.SurveyDefinition;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptSegmentWarningsTest {

    private static final List<SurveyDefinition> SHIPPED =
            new SurveyFiles(Map.of()).load(Path.of("../config/surveys").toAbsolutePath().normalize());

    @Test
    void theShippedSurveysFitTheDefaultBudgetOfThreeSegments() {
        assertEquals(List.of(), PromptSegmentWarnings.check(List.of(SmsOutboundSenderTest.account("http://x")),
                SHIPPED));
    }

    @Test
    void aPromptOverTheAccountsBudgetIsWarnedAboutNamingSurveyStepLanguageAndSegments() {
        SmsAccount tight = SmsOutboundSenderTest.account("http://x");
        SmsAccount oneSegment = new SmsAccount(tight.id(), tight.provider(), tight.accountSid(),
                tight.authToken(), tight.from(), null, tight.apiBaseUrl(), tight.publicUrl(), "CN",
                tight.optOutKeywords(), tight.optInKeywords(), Map.of(), 1, tight.replyDeadline(), null,
                tight.defaultLanguage());

        List<String> warnings = PromptSegmentWarnings.check(List.of(oneSegment), SHIPPED);

        assertTrue(warnings.contains("survey 'post-delivery-nps', intro + step recommend, language zh-CN: 2 SMS "
                + "segments (UCS-2, 84 units), but SMS account 'main' allows 1"), String.join("\n", warnings));
        assertTrue(warnings.stream().noneMatch(w -> w.contains("step what-went-wrong, language en")), warnings.toString());
    }
}
