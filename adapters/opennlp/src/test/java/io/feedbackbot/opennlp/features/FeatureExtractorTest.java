package io.feedbackbot.opennlp.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeatureExtractorTest {

    private static final Lexicons LEXICONS = Lexicons.fromTexts(Map.ofEntries(
            Map.entry("negators-en", "not\nnever\nno\n"),
            Map.entry("negators-zh", "不\n没\n没有\n"),
            Map.entry("intensifiers-en", "so\nvery\n"),
            Map.entry("intensifiers-zh", "太\n非常\n"),
            Map.entry("complaint-cues-en", "refund\nlate\nnever again\n"),
            Map.entry("complaint-cues-zh", "退款\n凉了\n"),
            Map.entry("praise-cues-en", "thanks\n"),
            Map.entry("emoji-negative", "😡\n:(\n"),
            Map.entry("emoji-positive", "👍\n"),
            Map.entry("category-delivery", "late\n送到\n"),
            Map.entry("positive-words-en", "good\n"),
            Map.entry("negative-words-en", "bad\n"),
            Map.entry("positive-words-zh", "好吃\n")));

    private static final FeatureExtractor ALL = new FeatureExtractor(FeatureSettings.DEFAULT, LEXICONS);

    private static List<String> names(String text) {
        return List.of(ALL.names(text));
    }

    /** Each row: a message, a feature it must have, a feature it must not have. */
    @ParameterizedTest(name = "[{index}] {0} has {1}, not {2}")
    @CsvSource(delimiter = '|', textBlock = """
            the food was not good            | n=good          | w=not_good
            it never arrived at all          | n=arrived       | n=refund
            not bad, the driver was late     | n=bad           | n=driver
            didn't arrive in time            | n=arrive        | n=didn't
            我没有收到                        | n=收到          | n=没有
            一点都不好吃                      | n=好吃          | n=一点
            so slow                          | i=slow          | i=so
            太慢了                            | i=慢了          | i=太
            the order came late              | b=came_late     | b=order_late
            why is it late                   | b=<s>_why       | b=<s>_is
            外卖凉了                          | c=凉了          | c=外卖凉了
            外卖凉了                          | c=卖凉          | c=外卖凉
            """)
    void negationIntensifiersAndNgramsFollowTheirScope(String text, String present, String absent) {
        List<String> f = names(text);
        assertTrue(f.contains(present), () -> present + " missing from " + f);
        assertFalse(f.contains(absent), () -> absent + " unexpected in " + f);
    }

    @ParameterizedTest(name = "[{index}] {0} has {1}")
    @CsvSource(delimiter = '|', textBlock = """
            worst service 😡                | emo=neg
            great job 👍                    | emo=pos
            this is broken :(              | emo=neg
            太慢了😡                        | e=😡
            where is my order!!!           | p=!!
            到底什么时候到？？              | p=??
            really?!                       | p=?!
            I WANT A REFUND                | caps
            I want a refund                | lex=complaint
            我要退款                        | lex=complaint
            thanks a lot                   | lex=praise
            delivery was late              | cat=delivery
            外卖送到都凉了                  | cat=delivery
            ok                             | len=xs
            """)
    void signalsOfEmojiPunctuationCapsAndLexiconsAreFeatures(String text, String expected) {
        List<String> f = names(text);
        assertTrue(f.contains(expected), () -> expected + " missing from " + f);
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            the food was good              | lex=pos | lex=neg
            the food was not good          | lex=neg | lex=pos
            it was not that good, sorry    | lex=neg | lex=pos
            not bad at all                 | lex=pos | lex=neg
            bad, not good                  | lex=neg | lex=pos
            很好吃                          | lex=pos | lex=neg
            一点都不好吃                    | lex=neg | lex=pos
            this is not about a refund     | lex=complaint~not | lex=complaint
            """)
    void sentimentWordsFlipAfterANegator(String text, String present, String absent) {
        List<String> f = names(text);
        assertTrue(f.contains(present), () -> present + " missing from " + f);
        assertFalse(f.contains(absent), () -> absent + " unexpected in " + f);
    }

    @Test
    void repeatedLexiconHitsAndTheNetPolarityAreFeatures() {
        assertTrue(names("refund, refund, it was bad").containsAll(List.of("lex=complaint#2", "lexnet=neg")));
        assertTrue(names("good and thanks").contains("lexnet=pos"));
        assertTrue(names("hello there").contains("lexnet=even"));
    }

    @ParameterizedTest(name = "[{index}] {0} lacks {1}")
    @CsvSource(delimiter = '|', textBlock = """
            I love chocolate               | lex=complaint
            a refundable ticket            | lex=complaint
            I want a refund                | caps
            I am OK                        | caps
            """)
    void lexiconWordsOnlyMatchWholeWords(String text, String absent) {
        List<String> f = names(text);
        assertFalse(f.contains(absent), () -> absent + " unexpected in " + f);
    }

    @Test
    void aPhraseInSeveralLexiconsHitsEachOfThem() {
        List<String> f = names("the order was late");
        assertTrue(f.containsAll(List.of("lex=complaint", "cat=delivery")), f::toString);
        assertEquals(1, f.stream().filter("lex=complaint"::equals).count());
    }

    @Test
    void negationScopeEndsAtPunctuationAndAfterThreeWords() {
        List<String> f = names("not one two three four, five");
        assertTrue(f.containsAll(List.of("n=one", "n=two", "n=three")));
        assertFalse(f.contains("n=four"));
        assertFalse(f.contains("n=five"));
    }

    @Test
    void everyFeatureSpanCoversTheTextThatProducedIt() {
        String text = "外卖送到都凉了，@shop NOT happy 😡";
        for (Feature f : ALL.extract(text)) {
            if (f.name().equals("c=凉了")) {
                assertEquals("凉了", text.substring(f.start(), f.end()));
            }
            if (f.name().equals("n=happy")) {
                assertEquals("NOT happy", text.substring(f.start(), f.end()));
            }
            if (f.name().equals("emo=neg")) {
                assertEquals("😡", text.substring(f.start(), f.end()));
            }
        }
    }

    @Test
    void switchedOffFamiliesEmitNothing() {
        FeatureExtractor plain = new FeatureExtractor(FeatureSettings.NGRAMS_ONLY, LEXICONS);
        List<String> f = List.of(plain.names("not good!!! 😡 refund 太慢了"));
        assertTrue(f.stream().noneMatch(n -> n.startsWith("n=") || n.startsWith("i=") || n.startsWith("p=")
                || n.startsWith("e") || n.startsWith("lex=") || n.startsWith("len=")), f::toString);
        assertTrue(f.contains("b=not_good"));
        assertTrue(f.contains("c=太慢"));
    }

    @Test
    void blankTextHasNoFeatures() {
        assertEquals(List.of(), names("   "));
    }
}
