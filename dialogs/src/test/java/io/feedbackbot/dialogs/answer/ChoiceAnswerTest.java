package io.feedbackbot.dialogs.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Single-choice answers. Each row: reply | expected answer, against the options below. */
class ChoiceAnswerTest {

    private static final List<List<String>> SATISFACTION = List.of(
            List.of("非常满意", "Very satisfied"),
            List.of("满意", "Satisfied"),
            List.of("一般", "Neutral"),
            List.of("不满意", "Dissatisfied"),
            List.of("非常不满意", "Very dissatisfied"));

    private static final List<List<String>> REASONS = List.of(
            List.of("价格太高", "Too expensive"),
            List.of("送餐太慢", "Slow delivery"),
            List.of("服务态度", "Staff attitude"),
            List.of("其他", "Other"));

    private final AnswerParser parser = new AnswerParser();

    @ParameterizedTest(name = "[{0}] picks {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1              | choice 0
            １             | choice 0
            一             | choice 0
            第一个         | choice 0
            第一           | choice 0
            选1            | choice 0
            我选第二个     | choice 1
            2号            | choice 1
            option 1       | choice 0
            Option 2       | choice 1
            '#3'           | choice 2
            no. 4          | choice 3
            one            | choice 0
            the first one  | choice 0
            second         | choice 1
            2nd            | choice 1
            a              | choice 0
            B              | choice 1
            (c)            | choice 2
            option d       | choice 3
            5              | out 5
            第五个         | out 5
            0              | out 0
            e              | not understood
            """)
    void picksAnOptionByItsPositionOrLetter(String text, String expected) {
        assertEquals(Expected.answer(expected), parser.choice(text, REASONS), () -> "reply [" + text + "]");
    }

    @ParameterizedTest(name = "[{0}] picks {1}")
    @CsvSource(delimiter = '|', textBlock = """
            价格太高         | choice 0
            too expensive    | choice 0
            Too Expensive!   | choice 0
            ' too   expensive ' | choice 0
            too-expensive    | choice 0
            TOO EXPENSIVE.   | choice 0
            其他             | choice 3
            other            | choice 3
            我觉得价格太高了 | choice 0
            it was too expensive for me | choice 0
            'slow delivery, and cold' | choice 1
            价格太高，送餐太慢 | ambiguous 0 1
            too expensive and slow delivery | ambiguous 0 1
            others           | not understood
            mother           | not understood
            太贵了           | not understood
            ''               | not understood
            """)
    void matchesALabelInEitherLanguage_wholeOrContained(String text, String expected) {
        assertEquals(Expected.answer(expected), parser.choice(text, REASONS), () -> "reply [" + text + "]");
    }

    @ParameterizedTest(name = "[{0}] picks {1}")
    @CsvSource(delimiter = '|', textBlock = """
            非常满意         | choice 0
            满意             | choice 1
            不满意           | choice 3
            非常不满意       | choice 4
            我非常满意       | choice 0
            很不满意         | choice 3
            还算满意吧       | choice 1
            不太满意         | not understood
            very satisfied   | choice 0
            satisfied        | choice 1
            I'm very dissatisfied | choice 4
            not satisfied    | not understood
            """)
    void prefersTheLongestLabel_andIgnoresANegatedOne(String text, String expected) {
        assertEquals(Expected.answer(expected), parser.choice(text, SATISFACTION), () -> "reply [" + text + "]");
    }

    @Test
    void prefersALabelThatIsTheWholeReplyToAPosition() {
        List<List<String>> visits = List.of(List.of("0"), List.of("1"), List.of("2-3"), List.of("4+"));
        assertEquals(new ParsedAnswer.Choice(1), parser.choice("1", visits));
        assertEquals(new ParsedAnswer.Choice(2), parser.choice("2-3", visits));
    }

    @Test
    void prefersALabelThatIsALetterToTheLetterPosition() {
        List<List<String>> grades = List.of(List.of("C"), List.of("B"), List.of("A"));
        assertEquals(new ParsedAnswer.Choice(2), parser.choice("a", grades));
    }

    @Test
    void asksWhichWhenTwoOptionsShareALabel() {
        List<List<String>> sloppy = List.of(List.of("其他", "Other"), List.of("价格", "Other"));
        assertEquals(new ParsedAnswer.Ambiguous(List.of(0, 1)), parser.choice("other", sloppy));
        assertEquals(new ParsedAnswer.Ambiguous(List.of(0, 1)), parser.choice("something other", sloppy));
    }

    @Test
    void refusesAQuestionWithoutOptions() {
        assertThrows(IllegalArgumentException.class, () -> parser.choice("1", List.of()));
    }
}
