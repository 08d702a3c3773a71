package io.feedbackbot.sms.segment;

import static io.feedbackbot.sms.segment.SmsEncoding.GSM_7;
import static io.feedbackbot.sms.segment.SmsEncoding.UCS_2;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SmsSegmentsTest {

    private static final String DIGITS = "1234567890".repeat(40);
    private static final String WINK = "\uD83D\uDE1C";                                  // 😜
    private static final String ITALY = "\uD83C\uDDEE\uD83C\uDDF9";                     // 🇮🇹
    private static final String RAINBOW = "\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08";       // 🏳️‍🌈

    /** S1–S10 from TwilioDevEd/message-segment-calculator tests/index.test.js (docs/protocols.md §3.8). */
    static Stream<Arguments> calculatorVectors() {
        return Stream.of(
                Arguments.of("S1 GSM-7 in one segment", DIGITS.substring(0, 160), GSM_7, 1, 160),
                Arguments.of("S2 GSM-7 in two segments", DIGITS.substring(0, 161), GSM_7, 2, 161),
                Arguments.of("S3 GSM-7 in three segments", DIGITS.substring(0, 307), GSM_7, 3, 307),
                Arguments.of("S4 UCS-2 in one segment", WINK + DIGITS.substring(1, 69), UCS_2, 1, 70),
                Arguments.of("S5 UCS-2 in two segments", WINK + DIGITS.substring(1, 70), UCS_2, 2, 71),
                Arguments.of("S6 UCS-2 in three segments", WINK + DIGITS.substring(1, 134), UCS_2, 3, 135),
                Arguments.of("S7 flag at the one-segment boundary", ITALY + DIGITS.substring(1, 67), UCS_2, 1, 70),
                Arguments.of("S8 flag at the two-segment boundary", ITALY + DIGITS.substring(1, 68), UCS_2, 2, 71),
                Arguments.of("S9 ZWJ sequence at the one-segment boundary", RAINBOW + DIGITS.substring(1, 65),
                        UCS_2, 1, 70),
                Arguments.of("S10 ZWJ sequence at the two-segment boundary", RAINBOW + DIGITS.substring(1, 66),
                        UCS_2, 2, 71));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calculatorVectors")
    void countsTheCalculatorVectors(String name, String body, SmsEncoding encoding, int segments, int units) {
        SegmentCount count = SmsSegments.count(body);
        assertEquals(encoding, count.encoding());
        assertEquals(segments, count.segments());
        assertEquals(units, count.units());
        assertEquals(segments, SmsSegments.split(body).size());
        assertEquals(body, String.join("", SmsSegments.split(body)));
    }

    @Test
    void extensionCharactersCostTwoSeptetsAndStayGsm7() {
        for (String c : List.of("^", "{", "}", "\\", "[", "~", "]", "|", "€", "\f")) {
            SegmentCount one = SmsSegments.count(c + DIGITS.substring(0, 158));
            assertEquals(new SegmentCount(GSM_7, 1, 160, 159), one, "extension char " + c);
            assertEquals(2, SmsSegments.count(c + DIGITS.substring(0, 159)).segments(), "extension char " + c);
        }
    }

    @Test
    void oneCharacterOutsideTheGsmAlphabetMakesTheWholeBodyUcs2() {
        assertEquals(new SegmentCount(UCS_2, 1, 4, 4), SmsSegments.count("谢谢您!"));
        assertEquals(UCS_2, SmsSegments.encodingOf("Caf\u00e7")); // ç is not GSM (only Ç is)
        assertEquals(GSM_7, SmsSegments.encodingOf("Ça va? àèéìòù ÄÖÑÜ ¿¡ £$¥ @_"));
        assertEquals(UCS_2, SmsSegments.encodingOf("\u001b")); // the escape code is not a character
    }

    @Test
    void anEmptyBodyIsOneGsm7Segment() {
        assertEquals(new SegmentCount(GSM_7, 1, 0, 0), SmsSegments.count(""));
        assertEquals(List.of(""), SmsSegments.split(""));
    }

    @Test
    void anExtensionCharacterNeverSplitsAcrossParts() {
        // 152 + 2 + 152 = 306 septets: ceil(306 / 153) says 2, but € does not fit in the 1 septet left of part 1.
        String body = "a".repeat(152) + "€" + "b".repeat(152);
        List<String> parts = SmsSegments.split(body);
        assertEquals(List.of("a".repeat(152), "€" + "b".repeat(151), "b"), parts);
        assertEquals(new SegmentCount(GSM_7, 3, 306, 305), SmsSegments.count(body));
    }

    @Test
    void anExtensionCharacterThatFitsExactlyEndsThePart() {
        String body = "a".repeat(151) + "€" + "b".repeat(153);
        assertEquals(List.of("a".repeat(151) + "€", "b".repeat(153)), SmsSegments.split(body));
        assertEquals(2, SmsSegments.count(body).segments());
    }

    @Test
    void aSurrogatePairNeverSplitsAcrossParts() {
        // 66 + 2 + 66 = 134 units: ceil(134 / 67) says 2, but the emoji does not fit in the 1 unit left of part 1.
        String body = "中".repeat(66) + WINK + "文".repeat(66);
        assertEquals(List.of("中".repeat(66), WINK + "文".repeat(65), "文"), SmsSegments.split(body));
        assertEquals(new SegmentCount(UCS_2, 3, 134, 133), SmsSegments.count(body));
    }

    @Test
    void gsmCharactersInAUcs2BodyCostOneUnitEach() {
        // The extension character ] costs 2 septets in GSM-7 but one code unit in UCS-2.
        assertEquals(1, SmsSegments.count("\uD83D\uDE00" + "]".repeat(68)).segments());
        assertEquals(2, SmsSegments.count("\uD83D\uDE00" + "]".repeat(69)).segments());
    }

    @Test
    void chineseSurveyPromptsCountSeventyCharactersPerSingleSegment() {
        assertEquals(1, SmsSegments.count("您".repeat(70)).segments());
        assertEquals(2, SmsSegments.count("您".repeat(71)).segments());
        assertEquals(2, SmsSegments.count("您".repeat(134)).segments());
        assertEquals(3, SmsSegments.count("您".repeat(135)).segments());
    }
}
