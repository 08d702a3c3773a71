package io.feedbackbot.sms.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneMaskTest {

    @ParameterizedTest(name = "{0} is logged as {1}")
    @CsvSource(delimiter = '|', textBlock = """
            +8613800000000  | +86138****0000
            +14155552671    | +141****2671
            +85291234567    | +852****4567
            +861065529988   | +8610****9988
            13800000000     | ****00
            12345           | ****
            ''              | ''
            """)
    void hidesTheMiddleDigits(String number, String masked) {
        assertEquals(masked, PhoneMask.mask(number));
    }
}
