package io.feedbackbot.wechat.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feedbackbot.wechat.WeChatVectors.Sha1;
import io.feedbackbot.wechat.WeChatVectors.W1;
import io.feedbackbot.wechat.WeChatVectors.W2;
import io.feedbackbot.wechat.WeChatVectors.W4;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class WeChatSignatureTest {

    @Test
    void urlVerificationVectorW1Matches() {
        assertEquals(W1.SIGNATURE, WeChatSignature.compute(W1.TOKEN, W1.TIMESTAMP, W1.NONCE));
        assertTrue(WeChatSignature.matches(W1.SIGNATURE, W1.TOKEN, W1.TIMESTAMP, W1.NONCE));
    }

    @Test
    void w1SignatureWithTheLastDigitChangedFails() {
        assertFalse(WeChatSignature.matches(W1.WRONG_SIGNATURE, W1.TOKEN, W1.TIMESTAMP, W1.NONCE));
    }

    @Test
    void wxJavaSha1VectorOfTwoPartsMatches() {
        assertEquals(Sha1.EXPECTED, WeChatSignature.compute("123", "345"));
    }

    @Test
    void officialSampleMsgSignatureW2Matches() {
        assertTrue(WeChatSignature.matches(W2.MSG_SIGNATURE, W2.TOKEN, W2.TIMESTAMP, W2.NONCE, W2.ENCRYPT));
    }

    @Test
    void wechatpyMsgSignaturesW4Match() {
        assertEquals(W4.MSG_SIGNATURE, WeChatSignature.compute(W4.TOKEN, W4.TIMESTAMP, W4.NONCE, W4.ENCRYPT));
        assertTrue(WeChatSignature.matches(
                W4.DECRYPT_MSG_SIGNATURE, W4.TOKEN, W4.TIMESTAMP, W4.NONCE, W4.DECRYPT_ENCRYPT));
    }

    @Test
    void weComEchostrSignatureW4Matches() {
        assertTrue(WeChatSignature.matches(
                W4.ECHO_SIGNATURE, W4.TOKEN, W4.ECHO_TIMESTAMP, W4.ECHO_NONCE, W4.ECHO_ENCRYPTED));
    }

    @Test
    void weComEchostrSignatureFailsWithAnotherNonce() {
        assertFalse(WeChatSignature.matches(
                W4.ECHO_SIGNATURE, W4.TOKEN, W4.ECHO_TIMESTAMP, "437374424", W4.ECHO_ENCRYPTED));
    }

    @Test
    void partOrderDoesNotMatter() {
        assertEquals(WeChatSignature.compute(W1.TOKEN, W1.TIMESTAMP, W1.NONCE),
                WeChatSignature.compute(W1.NONCE, W1.TOKEN, W1.TIMESTAMP));
    }

    @Test
    void upperCaseHexIsAccepted() {
        assertTrue(WeChatSignature.matches(W1.SIGNATURE.toUpperCase(Locale.ROOT), W1.TOKEN, W1.TIMESTAMP, W1.NONCE));
    }

    @Test
    void missingOrBlankSignaturesNeverMatch() {
        assertFalse(WeChatSignature.matches(null, W1.TOKEN, W1.TIMESTAMP, W1.NONCE));
        assertFalse(WeChatSignature.matches("", W1.TOKEN, W1.TIMESTAMP, W1.NONCE));
        assertFalse(WeChatSignature.matches(W1.SIGNATURE, W1.TOKEN, null, W1.NONCE));
    }

    @Test
    void aSignatureOfAnotherLengthDoesNotMatch() {
        assertFalse(WeChatSignature.matches(W1.SIGNATURE + "00", W1.TOKEN, W1.TIMESTAMP, W1.NONCE));
    }
}
