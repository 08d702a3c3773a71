package io.feedbackbot.sms.optout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmsKeywordsTest {

    @Test
    void twilioDefaultsAreTheDocumentedLongCodeKeywords() {
        assertEquals(List.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "REVOKE"),
                SmsKeywords.TWILIO.optOut());
        assertEquals(List.of("START", "UNSTOP", "YES"), SmsKeywords.TWILIO.optIn());
        assertEquals(List.of("HELP", "INFO"), SmsKeywords.TWILIO.help());
    }

    @Test
    void chineseProvidersAddTheirUnsubscribeWordsToTheEnglishOnes() {
        assertTrue(SmsKeywords.CHINA.optOut().containsAll(List.of("退订", "TD", "T", "R", "STOP")));
        assertTrue(SmsKeywords.CHINA.help().contains("帮助"));
    }

    @Test
    void aWordInTwoListsIsAConfigurationError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SmsKeywords(List.of("STOP"), List.of("stop"), List.of()));
        assertEquals("SMS keyword 'STOP' is in both the opt-out and the opt-in list", e.getMessage());
    }

    @Test
    void theListsCannotBeChangedAfterConstruction() {
        List<String> words = new ArrayList<>(List.of("STOP"));
        SmsKeywords k = new SmsKeywords(words, List.of(), List.of());
        words.add("START");
        assertEquals(List.of("STOP"), k.optOut());
        assertThrows(UnsupportedOperationException.class, () -> k.optOut().add("X"));
    }
}
