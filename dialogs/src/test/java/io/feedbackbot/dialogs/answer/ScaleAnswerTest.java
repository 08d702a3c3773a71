package io.feedbackbot.dialogs.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Scale answers as customers type them. Each row: reply | scale min | scale max | expected answer. */
class ScaleAnswerTest {

    private final AnswerParser parser = new AnswerParser();

    private void check(String text, int min, int max, String expected) {
        assertEquals(Expected.answer(expected), parser.scale(text, min, max), () -> "reply [" + text + "]");
    }

    @ParameterizedTest(name = "[{0}] on {1}–{2} is {3}")
    @CsvSource(delimiter = '|', textBlock = """
            9           | 0 | 10 | score 9
            ' 9 '       | 0 | 10 | score 9
            ９          | 0 | 10 | score 9
            9分         | 0 | 10 | score 9
            给9分       | 0 | 10 | score 9
            打9分吧     | 0 | 10 | score 9
            九          | 0 | 10 | score 9
            九分        | 0 | 10 | score 9
            十分        | 0 | 10 | score 10
            十分满意    | 1 | 5  | not understood
            满分        | 0 | 10 | score 10
            满分        | 1 | 5  | score 5
            零          | 0 | 10 | score 0
            nine        | 0 | 10 | score 9
            Nine!       | 0 | 10 | score 9
            10/10       | 0 | 10 | score 10
            9 out of 10 | 0 | 10 | score 9
            ⭐⭐⭐⭐    | 1 | 5  | score 4
            8 or 9      | 0 | 10 | ambiguous 8 9
            8-9         | 0 | 10 | ambiguous 8 9
            七八分      | 0 | 10 | ambiguous 7 8
            11          | 0 | 10 | out 11
            """)
    void readsEveryExampleFromTheIssue(String text, int min, int max, String expected) {
        check(text, min, max, expected);
    }

    @ParameterizedTest(name = "[{0}] on {1}–{2} is {3}")
    @CsvSource(delimiter = '|', textBlock = """
            两          | 0 | 10 | score 2
            俩          | 0 | 10 | score 2
            两分        | 0 | 10 | score 2
            〇          | 0 | 10 | score 0
            零分        | 0 | 10 | score 0
            0分         | 0 | 10 | score 0
            十          | 0 | 10 | score 10
            十分！      | 0 | 10 | score 10
            十分吧      | 0 | 10 | score 10
            十分，服务很好 | 0 | 10 | score 10
            我给十分    | 0 | 10 | score 10
            十分满意    | 0 | 10 | not understood
            十分不满意  | 0 | 10 | not understood
            十二分满意  | 0 | 10 | not understood
            百分百满意  | 0 | 10 | not understood
            十分        | 1 | 5  | out 10
            十一        | 0 | 10 | out 11
            十一分      | 0 | 10 | out 11
            二十        | 0 | 10 | out 20
            九十分      | 0 | 10 | out 90
            一百分      | 0 | 10 | out 100
            五分        | 1 | 5  | score 5
            三          | 1 | 5  | score 3
            我给九吧    | 0 | 10 | score 9
            给个8分吧，还可以 | 0 | 10 | score 8
            八九分      | 0 | 10 | ambiguous 8 9
            两三分      | 1 | 5  | ambiguous 2 3
            8到9分      | 0 | 10 | ambiguous 8 9
            八到九分    | 0 | 10 | ambiguous 8 9
            8或9        | 0 | 10 | ambiguous 8 9
            8还是9吧    | 0 | 10 | ambiguous 8 9
            8～9        | 0 | 10 | ambiguous 8 9
            8到9分之间  | 0 | 10 | ambiguous 8 9
            一般        | 1 | 5  | not understood
            还可以吧    | 1 | 5  | not understood
            八九不离十  | 0 | 10 | not understood
            """)
    void readsChineseNumeralsAndTreats十分AsVeryWhenAWordFollows(String text, int min, int max, String expected) {
        check(text, min, max, expected);
    }

    @ParameterizedTest(name = "[{0}] on {1}–{2} is {3}")
    @CsvSource(delimiter = '|', textBlock = """
            zero           | 0 | 10 | score 0
            one            | 1 | 5  | score 1
            TEN            | 0 | 10 | score 10
            eleven         | 0 | 10 | out 11
            twenty-one     | 0 | 10 | out 21
            a nine         | 0 | 10 | score 9
            I'd say 8      | 0 | 10 | score 8
            I’d say 8      | 0 | 10 | score 8
            solid 7        | 0 | 10 | score 7
            a solid 7      | 0 | 10 | score 7
            I'd give it a 9 | 0 | 10 | score 9
            maybe 6        | 0 | 10 | score 6
            7 points       | 0 | 10 | score 7
            8pts           | 0 | 10 | score 8
            nine out of ten | 0 | 10 | score 9
            8 or 9         | 0 | 10 | ambiguous 8 9
            8 or maybe 9   | 0 | 10 | ambiguous 8 9
            between 7 and 8 | 0 | 10 | ambiguous 7 8
            8 to 9         | 0 | 10 | ambiguous 8 9
            nine or ten    | 0 | 10 | ambiguous 9 10
            6-8            | 0 | 10 | ambiguous 6 7 8
            1-10           | 0 | 10 | not understood
            not a 9        | 0 | 10 | not understood
            """)
    void readsEnglishNumberWordsAndRatingPhrases(String text, int min, int max, String expected) {
        check(text, min, max, expected);
    }

    @ParameterizedTest(name = "[{0}] on {1}–{2} is {3}")
    @CsvSource(delimiter = '|', textBlock = """
            4/5            | 1 | 5  | score 4
            4 / 5          | 1 | 5  | score 4
            ４／５         | 1 | 5  | score 4
            5/5            | 1 | 5  | score 5
            0/10           | 0 | 10 | score 0
            8-9/10         | 0 | 10 | ambiguous 8 9
            I'd give it 9/10 | 0 | 10 | score 9
            10/10 would recommend | 0 | 10 | score 10
            4/5            | 0 | 10 | not understood
            8/9            | 0 | 10 | not understood
            10/10          | 1 | 5  | not understood
            6 out of 5     | 1 | 5  | out 6
            10分满分       | 0 | 10 | score 10
            满分10分       | 0 | 10 | score 10
            满分是10分     | 0 | 10 | score 10
            满分！         | 0 | 10 | score 10
            给满分         | 0 | 10 | score 10
            满分10分，给8分 | 0 | 10 | score 8
            满分5分我给4分 | 1 | 5  | score 4
            满分5分我给4分 | 0 | 10 | not understood
            满分10分       | 1 | 5  | not understood
            9分，不是满分  | 0 | 10 | score 9
            不是满分       | 0 | 10 | not understood
            full marks     | 1 | 5  | score 5
            perfect score  | 0 | 10 | score 10
            💯             | 0 | 10 | score 10
            💯💯           | 1 | 5  | score 5
            """)
    void readsAStatedScaleOnlyWhenItIsTheQuestionsScale(String text, int min, int max, String expected) {
        check(text, min, max, expected);
    }

    @ParameterizedTest(name = "[{0}] on {1}–{2} is {3}")
    @CsvSource(delimiter = '|', textBlock = """
            ⭐️            | 1 | 5  | score 1
            ⭐️⭐️⭐️      | 1 | 5  | score 3
            ★★★           | 1 | 5  | score 3
            ★★★☆☆         | 1 | 5  | score 3
            ⭐ ⭐ ⭐ ⭐ ⭐ | 1 | 5  | score 5
            🌟🌟          | 1 | 5  | score 2
            3 stars        | 1 | 5  | score 3
            1 star, cold food | 1 | 5  | score 1
            5⭐            | 1 | 5  | score 5
            4 ⭐️          | 1 | 5  | score 4
            五星           | 1 | 5  | score 5
            五星好评       | 1 | 5  | score 5
            三颗星         | 1 | 5  | score 3
            4.5 stars      | 1 | 5  | ambiguous 4 5
            ⭐⭐⭐⭐⭐⭐  | 1 | 5  | out 6
            ⭐⭐⭐⭐⭐    | 0 | 10 | not understood
            ☆☆☆☆☆         | 1 | 5  | out 0
            """)
    void countsStarsAsAFiveStarRating(String text, int min, int max, String expected) {
        check(text, min, max, expected);
    }

    @ParameterizedTest(name = "[{0}] on {1}–{2} is {3}")
    @CsvSource(delimiter = '|', textBlock = """
            8.0            | 0 | 10 | score 8
            8.5            | 0 | 10 | ambiguous 8 9
            9.5            | 0 | 10 | ambiguous 9 10
            10.5           | 0 | 10 | out 11
            -1             | 0 | 10 | out -1
            -5             | 1 | 5  | out -5
            0              | 1 | 5  | out 0
            6              | 1 | 5  | out 6
            100            | 0 | 10 | out 100
            给100分        | 0 | 10 | out 100
            maybe 11       | 0 | 10 | out 11
            9️⃣            | 0 | 10 | score 9
            🔟             | 0 | 10 | score 10
            10 or 11       | 0 | 10 | out 11
            9分，9分       | 0 | 10 | score 9
            服务9分，环境8分 | 0 | 10 | ambiguous 8 9
            ''             | 0 | 10 | not understood
            '   '          | 0 | 10 | not understood
            ？？？         | 0 | 10 | not understood
            """)
    void reportsDecimalsAsAmbiguousAndOffScaleNumbersAsOutOfRange(String text, int min, int max, String expected) {
        check(text, min, max, expected);
    }

    @ParameterizedTest(name = "[{0}] on {1}–{2} is {3}")
    @CsvSource(delimiter = '|', textBlock = """
            '9, the driver was nice'         | 0 | 10 | score 9
            9 because the driver was nice    | 0 | 10 | score 9
            'Nine, great service'            | 0 | 10 | score 9
            'the driver was nice, 9'         | 0 | 10 | score 9
            'the driver was nice. 8/10'      | 0 | 10 | score 8
            '9分，但是等了40分钟'            | 0 | 10 | score 9
            '等了40分钟，给2分'              | 0 | 10 | score 2
            '2个小时才送到，1分'             | 0 | 10 | score 1
            '服务很好 9'                     | 0 | 10 | score 9
            '9 司机很好'                     | 0 | 10 | score 9
            I'd give it 9 but delivery was late | 0 | 10 | score 9
            '9, the driver was nice but the food was cold and the packaging was torn, so not a 10' | 0 | 10 | score 9
            'the driver was nice but the food was cold and the packaging was torn and leaking, 6' | 0 | 10 | score 6
            '司机很好，但是饭菜凉了，包装也破了，汤洒了一袋子，等了四十多分钟才送到，给6分吧' | 0 | 10 | score 6
            '9 (very good)'                  | 0 | 10 | score 9
            '3 people served me, 9'          | 0 | 10 | score 9
            '给9分，服务员态度好，就是上菜慢了10分钟' | 0 | 10 | score 9
            '评分：8'                        | 0 | 10 | score 8
            'score: 8'                       | 0 | 10 | score 8
            'I'd say 8, maybe 9'             | 0 | 10 | ambiguous 8 9
            9/10/2024                        | 0 | 10 | not understood
            the 2 guys were nice             | 0 | 10 | not understood
            it was ok 5                      | 0 | 10 | not understood
            等了40分钟                       | 0 | 10 | not understood
            等了十分钟                       | 0 | 10 | not understood
            等了五分钟                       | 0 | 10 | not understood
            order 12345 was late             | 0 | 10 | not understood
            order 123 was late               | 0 | 10 | not understood
            'order #12 never came'           | 0 | 10 | not understood
            12345                            | 0 | 10 | not understood
            13800138000                      | 0 | 10 | not understood
            waited 2 hours                   | 0 | 10 | not understood
            2 items were missing             | 0 | 10 | not understood
            I waited 40                      | 0 | 10 | not understood
            arrived at 3:30                  | 0 | 10 | not understood
            3点才到                          | 0 | 10 | not understood
            花了50块                         | 0 | 10 | not understood
            100%                             | 0 | 10 | not understood
            this is my 5th order             | 0 | 10 | not understood
            'table 4, cold food'             | 0 | 10 | not understood
            第一次来                         | 0 | 10 | not understood
            一直在等                         | 0 | 10 | not understood
            no one answered                  | 0 | 10 | not understood
            one of the staff was rude        | 0 | 10 | not understood
            '11, the driver was nice'        | 0 | 10 | not understood
            '1. 太慢 2. 太贵'                | 0 | 10 | not understood
            """)
    void findsTheRatingInAComment_butNeverTakesAnIncidentalNumberForOne(String text, int min, int max,
                                                                         String expected) {
        check(text, min, max, expected);
    }

    @Test
    void refusesAScaleWhoseMinimumIsAboveItsMaximum() {
        assertThrows(IllegalArgumentException.class, () -> parser.scale("5", 10, 0));
    }

    @Test
    void treatsANullReplyAsNotUnderstood() {
        assertEquals(new ParsedAnswer.NotUnderstood(), parser.scale(null, 0, 10));
    }
}
