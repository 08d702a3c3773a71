package io.feedbackbot.wechat.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feedbackbot.wechat.WeChatVectors.W2;
import io.feedbackbot.wechat.WeChatVectors.W4;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class EncodingAesKeyTest {

    @Test
    void theOfficialSampleKeyDecodesToTheVerifiedBytes() {
        EncodingAesKey key = EncodingAesKey.parse(W2.AES_KEY);
        assertEquals(W2.AES_KEY_HEX, HexFormat.of().formatHex(key.keyBytes()));
        assertArrayEquals(Arrays.copyOf(key.keyBytes(), 16), key.iv());
    }

    @Test
    void theWechatpyKeyDecodesToTheVerifiedBytes() {
        assertEquals(W4.AES_KEY_HEX, HexFormat.of().formatHex(EncodingAesKey.parse(W4.AES_KEY).keyBytes()));
    }

    @Test
    void aKeyOfTheWrongLengthIsRefusedWithItsLength() {
        InvalidEncodingAesKeyException e = assertThrows(InvalidEncodingAesKeyException.class,
                () -> EncodingAesKey.parse(W2.AES_KEY.substring(1)));
        assertEquals("EncodingAESKey must be 43 characters, got 42", e.getMessage());
        assertThrows(InvalidEncodingAesKeyException.class, () -> EncodingAesKey.parse(W2.AES_KEY + "="));
    }

    @Test
    void aKeyWithCharactersOutsideBase64IsRefusedWithThePositionButNotTheKey() {
        String bad = W2.AES_KEY.substring(0, 10) + "-" + W2.AES_KEY.substring(11);
        InvalidEncodingAesKeyException e = assertThrows(InvalidEncodingAesKeyException.class,
                () -> EncodingAesKey.parse(bad));
        assertTrue(e.getMessage().contains("position 11"), e.getMessage());
        assertFalse(e.getMessage().contains(bad));
    }

    @Test
    void aMissingKeyIsRefused() {
        assertThrows(InvalidEncodingAesKeyException.class, () -> EncodingAesKey.parse(null));
    }

    @Test
    void toStringNeverShowsTheKey() {
        assertFalse(EncodingAesKey.parse(W2.AES_KEY).toString().contains("abcdef"));
    }
}
