package io.feedbackbot.server.integrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookSignatureTest {

    @ParameterizedTest(name = "HMAC-SHA256({0}, {1})")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            // the well-known examples (Wikipedia, HMAC), and one computed with `openssl dgst -sha256 -hmac`
            "key|``|sha256=5d5d139563c95b5967b9bd9a8c9b233a9dedb45072794cd232dc1b74832607d0",
            "key|The quick brown fox jumps over the lazy dog|sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8",
            "whsec-0123456789abcdef|{\"id\":\"i-1/recommend\",\"type\":\"answer\"}|sha256=c2e14c0877d08fb4f5009703c28fe55d3f46537ac505fc81b3228450ff8015cd",
    })
    void signsTheExactBodyWithTheSecret(String secret, String body, String expected) {
        assertEquals(expected, WebhookSignature.sign(secret, body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void verificationFailsForAnotherBodyOrSecret() {
        byte[] body = "{\"id\":\"a\"}".getBytes(StandardCharsets.UTF_8);
        String header = WebhookSignature.sign("secret-one-0123456", body);
        assertTrue(WebhookSignature.verify("secret-one-0123456", body, header));
        assertFalse(WebhookSignature.verify("secret-two-0123456", body, header));
        assertFalse(WebhookSignature.verify("secret-one-0123456", "{\"id\":\"b\"}".getBytes(StandardCharsets.UTF_8), header));
        assertFalse(WebhookSignature.verify("secret-one-0123456", body, null));
    }

    @ParameterizedTest(name = "after {0} failures with random {1}: {2} ms")
    @CsvSource({
            "1, 0.0, 500",
            "1, 0.999, 999",
            "2, 0.0, 1000",
            "3, 0.5, 3000",
            "4, 0.0, 4000",
            // capped at 10 s
            "5, 0.0, 5000",
            "9, 0.999, 9995",
            "70, 0.0, 5000",
    })
    void backoffDoublesUpToTheCapWithEqualJitter(int failures, double random, long millis) {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10));
        assertEquals(Duration.ofMillis(millis), backoff.delay(failures, random));
    }
}
