package io.feedbackbot.reports.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ThemeFinderTest {

    private final ThemeFinder finder = new ThemeFinder();

    private List<String> phrases(List<ThemeFinder.Theme<String>> themes) {
        return themes.stream().map(ThemeFinder.Theme::phrase).toList();
    }

    @Test
    void theMostFrequentWholePhrasesComeFirstWithExamples() {
        List<String> comments = List.of("送餐太慢了", "送餐太慢，汤洒了", "这次送餐太慢", "骑手态度差", "骑手态度很差", "还行");
        List<ThemeFinder.Theme<String>> themes = finder.find(comments, Function.identity(), 2, 3);

        assertEquals(List.of("送餐太慢", "骑手态度"), phrases(themes).subList(0, 2));
        assertEquals(3, themes.get(0).count());
        assertEquals(List.of("送餐太慢了", "送餐太慢，汤洒了", "这次送餐太慢"), themes.get(0).examples());
        assertFalse(phrases(themes).contains("餐太慢"), "a fragment of a whole phrase is not listed");
        assertFalse(phrases(themes).contains("送餐"), "always part of 送餐太慢");
    }

    @Test
    void aPhraseCountsOncePerCommentAndRareOnesAreDropped() {
        List<String> comments = List.of("cold food cold food cold food", "cold food", "late delivery", "rude driver");
        List<ThemeFinder.Theme<String>> themes = finder.find(comments, Function.identity(), 2, 10);

        assertEquals(List.of("cold food"), phrases(themes));
        assertEquals(2, themes.get(0).count());
    }

    @Test
    void aWordStaysWhenItAlsoStandsApartFromItsPairs() {
        List<String> comments = List.of("cold food", "cold soup", "cold rice", "cold drink");
        assertEquals(List.of("cold"), phrases(finder.find(comments, Function.identity(), 2, 10)));
    }

    @Test
    void aLongChinesePhraseIsOneThemeNotItsOverlappingPieces() {
        List<String> comments = List.of("骑手态度差", "骑手态度差！", "这个骑手态度差");
        assertEquals(List.of("骑手态度差"), phrases(finder.find(comments, Function.identity(), 2, 10)));
    }

    @Test
    void englishPhrasesSkipTheStopWordsBetweenTheirWords() {
        List<String> comments = List.of("The food was cold", "food was cold again", "my food is cold");
        assertEquals(List.of("food cold"), phrases(finder.find(comments, Function.identity(), 2, 10)));
    }

    @Test
    void theListIsCut() {
        List<String> comments = List.of("a1 alpha beta gamma", "alpha beta gamma delta");
        assertEquals(2, finder.find(comments, Function.identity(), 1, 2).size());
    }
}
