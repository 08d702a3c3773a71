package io.feedbackbot.dialogs.intent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntentLexiconTest {

    @Test
    void storesEntriesNormalisedAndOnce() {
        IntentLexicon lexicon = new IntentLexicon(
                Map.of(Intent.OPT_OUT, List.of("STOP", " stop! ", "ＳＴＯＰ", "TD")), Map.of());
        assertEquals(List.of("stop", "td"), lexicon.keywordsOf(Intent.OPT_OUT));
    }

    @Test
    void hasNoEntriesForAnIntentLeftOut() {
        IntentLexicon lexicon = new IntentLexicon(Map.of(Intent.OPT_OUT, List.of("STOP")), Map.of());
        assertEquals(List.of(), lexicon.keywordsOf(Intent.HELP));
        assertEquals(List.of(), lexicon.phrasesOf(Intent.OPT_OUT));
    }

    @Test
    void rejectsABlankEntryNamingItsIntent() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new IntentLexicon(Map.of(), Map.of(Intent.HUMAN, List.of("人工客服", " !! "))));
        assertTrue(e.getMessage().contains("phrase") && e.getMessage().contains("HUMAN"), e.getMessage());
    }

    @Test
    void addsAnAccountsWordsToTheDefaultsWithoutChangingThem() {
        IntentLexicon defaults = IntentLexicon.defaults();
        IntentLexicon sms = defaults.plus(new IntentLexicon(Map.of(Intent.OPT_OUT, List.of("CANCEL", "STOP")), Map.of()));
        assertEquals(List.of("stop", "unsubscribe", "退订", "td", "t", "r", "cancel"), sms.keywordsOf(Intent.OPT_OUT));
        assertEquals(List.of("stop", "unsubscribe", "退订", "td", "t", "r"), defaults.keywordsOf(Intent.OPT_OUT));
        assertEquals(defaults.phrasesOf(Intent.HUMAN), sms.phrasesOf(Intent.HUMAN));
    }

    @Test
    void isNotChangedByTheListsItWasBuiltFrom() {
        List<String> words = new ArrayList<>(List.of("STOP"));
        IntentLexicon lexicon = new IntentLexicon(Map.of(Intent.OPT_OUT, words), Map.of());
        words.add("CANCEL");
        assertEquals(List.of("stop"), lexicon.keywordsOf(Intent.OPT_OUT));
        assertThrows(UnsupportedOperationException.class, () -> lexicon.keywordsOf(Intent.OPT_OUT).add("x"));
        assertThrows(UnsupportedOperationException.class, () -> lexicon.keywords().remove(Intent.OPT_OUT));
    }

    @Test
    void ordersIntentsByPrecedence() {
        assertEquals(List.of(Intent.OPT_OUT, Intent.HUMAN, Intent.QUIT, Intent.LEAVE_QUEUE, Intent.HELP, Intent.OPT_IN),
                List.of(Intent.values()));
    }
}
