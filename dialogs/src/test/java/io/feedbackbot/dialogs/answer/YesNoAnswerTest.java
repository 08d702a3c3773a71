package io.feedbackbot.dialogs.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Yes/no answers as customers type them. Each row: reply | expected answer. */
class YesNoAnswerTest {

    private final AnswerParser parser = new AnswerParser();

    @ParameterizedTest(name = "[{0}] is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            是          | yes
            是的        | yes
            对          | yes
            好          | yes
            可以        | yes
            嗯          | yes
            yes         | yes
            Yes!        | yes
            YES.        | yes
            ＹＥＳ      | yes
            yeah        | yes
            yep         | yes
            y           | yes
            sure        | yes
            ok          | yes
            OK          | yes
            👍          | yes
            👍🏽        | yes
            👍👍👍      | yes
            ✅          | yes
            ✔️          | yes
            好的谢谢    | yes
            '好的，谢谢' | yes
            'ok thanks' | yes
            '是的，解决了' | yes
            'yes, it was solved' | yes
            yes it was  | yes
            没问题      | yes
            no problem  | yes
            'no problem, all good' | yes
            不          | no
            不是        | no
            否          | no
            没有        | no
            no          | no
            nope        | no
            n           | no
            nah         | no
            No!         | no
            👎          | no
            ❌          | no
            '不是，还没好' | no
            '没有，还是不行' | no
            'no, still broken' | no
            not really  | no
            没解决      | no
            """)
    void readsYesAndNoInBothLanguagesAndInEmoji(String text, String expected) {
        assertEquals(Expected.answer(expected), parser.yesNo(text), () -> "reply [" + text + "]");
    }

    @ParameterizedTest(name = "[{0}] is not understood")
    @CsvSource(delimiter = '|', textBlock = """
            不知道
            我也不知道
            not sure
            Not sure yet
            maybe
            idk
            I don't know
            可能吧
            yes and no
            ''
            '   '
            好的不得了
            不是很好
            nobody came
            yesterday
            know
            👍👎
            9
            """)
    void doesNotGuessWhenTheReplyIsDoubtfulOrSaysSomethingElse(String text) {
        assertEquals(new ParsedAnswer.NotUnderstood(), parser.yesNo(text), () -> "reply [" + text + "]");
    }
}
