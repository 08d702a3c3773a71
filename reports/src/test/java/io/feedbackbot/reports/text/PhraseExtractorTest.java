package io.feedbackbot.reports.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhraseExtractorTest {

    private final PhraseExtractor extractor = new PhraseExtractor();

    @ParameterizedTest(name = "{0} has {1}")
    @CsvSource(delimiter = '|', value = {
            "送餐太慢了，饭都凉了|送餐;送餐太慢;太慢;饭都凉",
            "包装破了|包装;包装破",
            "菜不新鲜|菜不新鲜;不新鲜;新鲜",
            "Not fresh, rude driver!|not fresh;fresh;rude;driver;rude driver",
            "The delivery was LATE|delivery;late;delivery late",
            "骑手态度差，还不退款|骑手态度差;骑手;态度差;不退款;退款",
            "骑手态度差 rude rider|骑手;骑手态度;态度;态度差;rude;rider;rude rider",
    })
    void findsChineseNGramsAndEnglishWordsAndPairs(String text, String expected) {
        Set<String> phrases = extractor.phrases(text);
        for (String phrase : expected.split(";")) {
            assertTrue(phrases.contains(phrase), phrase + " in " + phrases);
        }
    }

    @Test
    void stopWordsNeverStartOrEndAPhrase() {
        Set<String> phrases = extractor.phrases("我觉得你们的服务太差了");
        assertFalse(phrases.contains("我觉"), phrases.toString());
        assertFalse(phrases.contains("的服务"), phrases.toString());
        assertFalse(phrases.contains("差了"), phrases.toString());
        assertTrue(phrases.contains("服务太差"), phrases.toString());
    }

    @Test
    void englishStopWordsNumbersAndLoneNegationsAreDropped() {
        assertEquals(Set.of("waited", "minutes", "waited minutes"), extractor.phrases("I waited 45 minutes"));
        assertFalse(extractor.phrases("no, never").contains("no"));
    }

    @Test
    void punctuationEndsAPhrase() {
        Set<String> phrases = extractor.phrases("late, cold");
        assertFalse(phrases.contains("late cold"));
    }

    @Test
    void nothingFromNothing() {
        assertTrue(extractor.phrases(null).isEmpty());
        assertTrue(extractor.phrases("！！ 。。").isEmpty());
    }
}
