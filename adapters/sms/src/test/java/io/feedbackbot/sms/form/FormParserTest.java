package io.feedbackbot.sms.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormParserTest {

    @Test
    void decodesPlusAsSpaceAndPercentEscapesAsUtf8() throws Exception {
        FormParams p = FormParser.parse("Body=%E5%A4%AA%E6%85%A2%E4%BA%86+ok&From=%2B8613800000000");
        assertEquals("太慢了 ok", p.first("Body").orElseThrow());
        assertEquals("+8613800000000", p.first("From").orElseThrow());
    }

    @Test
    void aLiteralPlusMustBeEscapedToSurvive() throws Exception {
        assertEquals(" 1", FormParser.parse("From=+1").first("From").orElseThrow());
    }

    @Test
    void keepsRepeatedNamesInArrivalOrder() throws Exception {
        FormParams p = FormParser.parse("a=2&b=x&a=1&a=3");
        assertEquals(List.of("2", "1", "3"), p.all("a"));
        assertEquals(List.of("a", "b"), List.copyOf(p.names()));
        assertEquals("2", p.first("a").orElseThrow());
    }

    @Test
    void aNameWithoutEqualsHasAnEmptyValueAndEmptySegmentsAreSkipped() throws Exception {
        FormParams p = FormParser.parse("&flag&&Body=&x=a=b&");
        assertEquals(List.of(new FormParam("flag", ""), new FormParam("Body", ""), new FormParam("x", "a=b")),
                p.asList());
    }

    @Test
    void anEmptyBodyHasNoParameters() throws Exception {
        assertTrue(FormParser.parse("").isEmpty());
    }

    @Test
    void rawUtf8BytesAreAcceptedToo() throws Exception {
        assertEquals("退订", FormParser.parse("Body=退订".getBytes(StandardCharsets.UTF_8)).first("Body").orElseThrow());
    }

    @Test
    void aTruncatedPercentEscapeIsAParseError() {
        MalformedFormException e = assertThrows(MalformedFormException.class, () -> FormParser.parse("Body=100%"));
        assertEquals("malformed percent-escape at byte 8", e.getMessage());
        assertThrows(MalformedFormException.class, () -> FormParser.parse("Body=%4"));
        assertThrows(MalformedFormException.class, () -> FormParser.parse("Body=%4&x=1"));
    }

    @Test
    void aNonHexPercentEscapeIsAParseError() {
        assertThrows(MalformedFormException.class, () -> FormParser.parse("Body=%zz"));
        assertThrows(MalformedFormException.class, () -> FormParser.parse("%G1=x"));
    }

    @Test
    void escapesThatDecodeToInvalidUtf8AreAParseError() {
        assertThrows(MalformedFormException.class, () -> FormParser.parse("Body=%E5%A4"));
        assertThrows(MalformedFormException.class, () -> FormParser.parse("Body=%FF"));
        assertThrows(MalformedFormException.class, () -> FormParser.parse("Body=%ED%A0%80")); // lone surrogate
    }

    @Test
    void rawBytesThatAreNotUtf8AreAParseError() {
        byte[] latin1 = "Body=caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        assertThrows(MalformedFormException.class, () -> FormParser.parse(latin1));
    }

    @Test
    void encodeThenParseGivesBackTheSameParameters() throws Exception {
        FormParams original = FormParams.of("Body", "a+b & c=d 100% 😜 退订", "To", "+8613800000000", "Body", "");
        String encoded = original.encode();
        assertEquals(original, FormParser.parse(encoded));
        assertTrue(encoded.contains("To=%2B8613800000000"), encoded);
    }

    @Test
    void toStringShowsNamesButNeverValues() {
        String s = FormParams.of("From", "+8613800000000", "Body", "secret").toString();
        assertEquals("FormParams[From, Body]", s);
    }
}
