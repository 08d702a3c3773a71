package io.feedbackbot.sms.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNumbersTest {

    @ParameterizedTest(name = "''{0}'' in {1} is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            13800000000          | CN | +8613800000000
            +8613800000000       | CN | +8613800000000
            +86 138 0000 0000    | CN | +8613800000000
            138-0000-0000        | CN | +8613800000000
            0086 138 0000 0000   | CN | +8613800000000
            (+86) 138.0000.0000  | CN | +8613800000000
            １３８００００００００  | CN | +8613800000000
            +8613800000000       | US | +8613800000000
            (415) 555-2671       | US | +14155552671
            415.555.2671         | US | +14155552671
            1 415 555 2671       | US | +14155552671
            +1-415-555-2671      | CN | +14155552671
            '  +14155552671  '   | US | +14155552671
            010 6552 9988        | CN | +861065529988
            """)
    void normalisesValidNumbersToE164(String raw, String region, String e164) {
        assertEquals(e164, PhoneNumbers.toE164(raw, region));
    }

    @ParameterizedTest(name = "''{0}'' in {1} is invalid")
    @CsvSource(delimiter = '|', textBlock = """
            12345                | CN
            1380000000           | CN
            138000000000         | CN
            +86138000000001      | CN
            555-2671             | US
            +1 415 555 267       | US
            138abc00000          | CN
            1-800-FLOWERS        | US
            not a number         | US
            ''                   | CN
            +                    | CN
            """)
    void rejectsInvalidNumbers(String raw, String region) {
        assertThrows(InvalidPhoneNumberException.class, () -> PhoneNumbers.toE164(raw, region));
    }

    @Test
    void theErrorNamesTheInputAndTheRegion() {
        InvalidPhoneNumberException e =
                assertThrows(InvalidPhoneNumberException.class, () -> PhoneNumbers.toE164("12345", "CN"));
        assertEquals("'12345' is not a valid phone number for region CN", e.getMessage());
    }

    @Test
    void theMaskedErrorHidesTheNumber() {
        InvalidPhoneNumberException e = assertThrows(InvalidPhoneNumberException.class,
                () -> PhoneNumbers.toE164("+86138000000001", "CN"));
        assertFalse(e.masked().contains("138000000000"), e.masked());
    }

    @Test
    void aNullNumberIsInvalidNotACrash() {
        assertThrows(InvalidPhoneNumberException.class, () -> PhoneNumbers.toE164(null, "CN"));
    }

    @Test
    void theRegionIsCaseInsensitiveButMustExist() {
        assertEquals("+8613800000000", PhoneNumbers.toE164("13800000000", "cn"));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> PhoneNumbers.toE164("13800000000", "XX"));
        assertEquals("'XX' is not a supported phone region (use ISO 3166 codes such as CN or US)", e.getMessage());
    }
}
