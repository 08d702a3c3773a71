package io.feedbackbot.dialogs.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormalizerTest {

    @ParameterizedTest(name = "[{0}] normalises to [{1}]")
    @CsvSource(delimiter = '|', textBlock = """
            '  Nine!  '          | nine
            ９分                 | 9分
            ＳＴＯＰ             | stop
            好的！！！           | 好的
            真的吗？？           | 真的吗
            'ok~~'               | ok
            'ok～'               | ok
            '好。'               | 好
            'wait...'            | wait
            'wait…'              | wait
            'a ,b'               | 'a ,b'
            'I’d   say	8'       | i'd say 8
            '全角　空格'         | 全角 空格
            ⭐️⭐️              | ⭐⭐
            9️⃣                  | 9
            🔟                   | 10
            👍🏽                 | 👍
            'zero​width'         | zerowidth
            ''                   | ''
            """)
    void foldsWidthCaseSpacesAndTrailingPunctuation(String raw, String expected) {
        assertEquals(expected, TextNormalizer.normalize(raw));
    }

    @ParameterizedTest(name = "normalising [{0}] twice changes nothing")
    @CsvSource(delimiter = '|', textBlock = """
            '  Nine!  '
            ' ! ? . '
            'ok ~ !'
            ＳＴＯＰ。
            """)
    void isIdempotent(String raw) {
        String once = TextNormalizer.normalize(raw);
        assertEquals(once, TextNormalizer.normalize(once));
    }
}
