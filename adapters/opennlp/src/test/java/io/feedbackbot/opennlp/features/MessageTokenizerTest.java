package io.feedbackbot.opennlp.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageTokenizerTest {

    private static String kindsAndForms(String text) {
        return MessageTokenizer.tokenize(MessageTokenizer.normalize(text)).stream()
                .map(t -> t.kind().name().charAt(0) + ":" + t.norm())
                .collect(Collectors.joining(" "));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Where is my ORDER?                 | W:where W:is W:my W:order M:?
            @bank charged me twice!!!          | W:<user> W:charged W:me W:twice M:!!
            see https://x.co/a?b=1 now         | W:see W:<url> W:now
            paid 25.50, ok                     | W:paid W:<num> B:, W:ok
            didn't arrive, again               | W:didn't W:arrive B:, W:again
            why?!                              | W:why M:?!
            #fail ugh                          | W:fail W:ugh
            外卖送到都凉了，还少了一份饭          | H:外卖送到都凉了 B:, H:还少了一份饭
            等了1个小时？？                      | H:等了 W:<num> H:个小时 M:??
            ＡＰＰ闪退                          | W:app H:闪退
            太慢了😡😡                          | H:太慢了 E:😡 E:😡
            great :) thanks                    | W:great E::) W:thanks
            hmm...                             | W:hmm M:...
            """)
    void cutsBothScriptsIntoTokens(String text, String expected) {
        assertEquals(expected, kindsAndForms(text));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            ＡＢＣ！？    | abc!?
            Refund NOW   | refund now
            它’s         | 它's
            """)
    void normalisingKeepsTheLengthOfTheText(String text, String expected) {
        String norm = MessageTokenizer.normalize(text);
        assertEquals(expected, norm);
        assertEquals(text.length(), norm.length());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            外卖都凉了 😡 !!   | 外卖都凉了,😡,!!
            @shop no reply    | @shop,no,reply
            """)
    void tokenSpansPointIntoTheOriginalText(String text, String surfaces) {
        List<String> found = MessageTokenizer.tokenize(MessageTokenizer.normalize(text)).stream()
                .map(t -> text.substring(t.start(), t.end())).toList();
        assertEquals(List.of(surfaces.split(",")), found);
    }
}
