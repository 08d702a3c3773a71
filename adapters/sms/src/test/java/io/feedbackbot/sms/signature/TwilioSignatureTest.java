package io.feedbackbot.sms.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feedbackbot.sms.form.FormParams;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Vectors T1–T7 from twilio-java's RequestValidatorTest (docs/protocols.md §3.2), plus our own decisions. */
class TwilioSignatureTest {

    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final FormParams PARAMS = FormParams.of(
            "Digits", "1234",
            "CallSid", "CA1234567890ABCDE",
            "To", "+18005551212",
            "Caller", "+14158675309",
            "From", "+14158675309");
    private static final String T1 = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";
    private static final String T2 = "kvajT1Ptam85bY51eRf/AJRuM3w=";
    private static final String T3 = "0ZXoZLH/DfblKGATFgpif+LLRf4=";
    private static final String T4 = "Zmvh+3yNM1Phv2jhDCwEM3q5ebU=";
    private static final String BODY = "{\"property\": \"value\", \"boolean\": true}";
    private static final String T5 = "0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";
    private static final String T6 = "a9nBmqA0ju/hNViExpshrM61xv4=";
    private static final String T7 = "y77kIzt2vzLz71DgmJGsen2scGs=";

    private final TwilioSignature signature = new TwilioSignature("12345");

    @Test
    void t1SignsTheUrlFollowedByTheSortedParameters() {
        assertEquals(T1, signature.sign(URL, PARAMS));
        assertTrue(signature.validate(URL, PARAMS, T1));
    }

    @Test
    void t1FailsWhenTheSignatureIsAltered() {
        assertFalse(signature.validate(URL, PARAMS, "NOT" + T1));
        assertFalse(signature.validate(URL, PARAMS, T1.replace('R', 'r')));
    }

    @Test
    void t1FailsWhenAParameterIsAlteredAddedOrMissing() {
        assertFalse(signature.validate(URL, PARAMS.with("Body", "hi"), T1));
        assertFalse(signature.validate(URL, FormParams.of("Digits", "1235", "CallSid", "CA1234567890ABCDE",
                "To", "+18005551212", "Caller", "+14158675309", "From", "+14158675309"), T1));
        assertFalse(signature.validate(URL, FormParams.of("Digits", "1234"), T1));
    }

    @Test
    void t1FailsForAnotherTokenOrAnotherUrl() {
        assertFalse(new TwilioSignature("54321").validate(URL, PARAMS, T1));
        assertFalse(signature.validate("https://mycompany.com/other.php?foo=1&bar=2", PARAMS, T1));
        assertFalse(signature.validate("http://mycompany.com/myapp.php?foo=1&bar=2", PARAMS, T1));
    }

    @Test
    void emptyOrMissingSignatureNeverValidates() {
        assertFalse(signature.validate(URL, PARAMS, ""));
        assertFalse(signature.validate(URL, PARAMS, null));
    }

    @Test
    void t2HttpsUrlWithoutPortValidatesASignatureMadeWithPort443() {
        assertEquals(T2, signature.sign("https://mycompany.com:443/myapp.php?foo=1&bar=2", PARAMS));
        assertTrue(signature.validate(URL, PARAMS, T2));
    }

    @Test
    void t2HttpsUrlWithPort443ValidatesASignatureMadeWithoutPort() {
        assertTrue(signature.validate("https://mycompany.com:443/myapp.php?foo=1&bar=2", PARAMS, T1));
    }

    @Test
    void t3HttpUrlWithoutPortValidatesASignatureMadeWithPort80() {
        assertEquals(T3, signature.sign("http://mycompany.com:80/myapp.php?foo=1&bar=2", PARAMS));
        assertTrue(signature.validate("http://mycompany.com/myapp.php?foo=1&bar=2", PARAMS, T3));
    }

    @Test
    void t4HttpUrlWithACustomPortValidatesTheSignatureMadeWithThatPort() {
        String url = "http://mycompany.com:1234/myapp.php?foo=1&bar=2";
        assertEquals(T4, signature.sign(url, PARAMS));
        assertTrue(signature.validate(url, PARAMS, T4));
    }

    @Test
    void t4HttpsUrlWithACustomPortValidatesTheSignatureMadeWithoutAPort() {
        assertTrue(signature.validate("https://mycompany.com:1234/myapp.php?foo=1&bar=2", PARAMS, T1));
    }

    @Test
    void portVariantsNeverMixSchemes() {
        assertFalse(signature.validate("http://mycompany.com:443/myapp.php?foo=1&bar=2", PARAMS, T2));
    }

    @Test
    void t5HashesTheRawJsonBody() {
        assertEquals(T5, TwilioSignature.sha256Hex(BODY.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void t6JsonRequestIsSignedOverTheUrlWithItsBodyHash() {
        String url = URL + "&bodySHA256=" + T5;
        assertEquals(T6, signature.sign(url, FormParams.empty()));
        assertTrue(signature.validateJson(url, BODY.getBytes(StandardCharsets.UTF_8), T6));
    }

    @Test
    void t7JsonRequestWithNoOtherQueryParameters() {
        String url = "https://mycompany.com/myapp.php?bodySHA256=" + T5;
        assertTrue(signature.validateJson(url, BODY.getBytes(StandardCharsets.UTF_8), T7));
    }

    @Test
    void jsonRequestFailsWhenTheBodyDoesNotMatchItsHash() {
        String url = "https://mycompany.com/myapp.php?bodySHA256=" + T5;
        assertFalse(signature.validateJson(url, "{}".getBytes(StandardCharsets.UTF_8), T7));
    }

    @Test
    void jsonRequestFailsWithoutABodyHashInTheUrl() {
        assertFalse(signature.validateJson(URL, BODY.getBytes(StandardCharsets.UTF_8), T1));
    }

    @Test
    void repeatedNamesAddOneNamePlusValuePerValueWithValuesSorted() {
        String url = "https://example.com/hook";
        FormParams repeated = FormParams.of("MediaUrl", "b", "Body", "x", "MediaUrl", "a");
        String expected = signature.sign(url, FormParams.of("Body", "x", "MediaUrl", "a", "MediaUrl", "b"));
        assertEquals(expected, signature.sign(url, repeated));
        // The same as signing the concatenation by hand, which is what twilio-python computes.
        assertEquals(expected, signature.sign(url + "BodyxMediaUrlaMediaUrlb", FormParams.empty()));
    }

    @Test
    void valuesWithNonAsciiTextAreSignedAsUtf8() {
        String url = "https://example.com/hook";
        FormParams chinese = FormParams.of("Body", "太慢了");
        assertTrue(signature.validate(url, chinese, signature.sign(url, chinese)));
        assertFalse(signature.validate(url, FormParams.of("Body", "太快了"), signature.sign(url, chinese)));
    }

    @Test
    void toStringNeverShowsTheToken() {
        assertFalse(new TwilioSignature("s3cr3t-token").toString().contains("s3cr3t"));
    }
}
