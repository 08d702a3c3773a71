package io.feedbackbot.wechat.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feedbackbot.wechat.WeChatVectors.W2;
import io.feedbackbot.wechat.WeChatVectors.W3;
import io.feedbackbot.wechat.WeChatVectors.W4;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class MessageCipherTest {

    private static final byte[] W3_RANDOM = W3.RANDOM.getBytes(StandardCharsets.US_ASCII);

    @Test
    void officialSampleW2DecryptsToTheTextMessageForItsAppId() {
        MessageCipher cipher = new MessageCipher(EncodingAesKey.parse(W2.AES_KEY), W2.APP_ID);

        DecryptResult.Decrypted result = assertInstanceOf(DecryptResult.Decrypted.class, cipher.decrypt(W2.ENCRYPT));

        assertEquals(W2.APP_ID, result.appId());
        assertEquals(W2.MSG_LENGTH, result.message().getBytes(StandardCharsets.UTF_8).length);
        String msg = result.message();
        assertTrue(msg.contains("<ToUserName><![CDATA[" + W2.TO_USER + "]]></ToUserName>"), msg);
        assertTrue(msg.contains("<FromUserName><![CDATA[" + W2.FROM_USER + "]]></FromUserName>"), msg);
        assertTrue(msg.contains("<CreateTime>" + W2.CREATE_TIME + "</CreateTime>"), msg);
        assertTrue(msg.contains("<MsgType><![CDATA[text]]></MsgType>"), msg);
        assertTrue(msg.contains("<Content><![CDATA[" + W2.CONTENT + "]]></Content>"), msg);
        assertTrue(msg.contains("<MsgId>" + W2.MSG_ID + "</MsgId>"), msg);
    }

    @Test
    void wxJavaPlaintextOneEncryptsToTheW3Vector() {
        MessageCipher cipher = new MessageCipher(EncodingAesKey.parse(W3.AES_KEY), W3.APP_ID);
        assertEquals(W3.CIPHER_1, cipher.encrypt(W3.PLAINTEXT_1, W3_RANDOM));
    }

    @Test
    void wxJavaPlaintextTwoEncryptsToTheW3Vector() {
        MessageCipher cipher = new MessageCipher(EncodingAesKey.parse(W3.AES_KEY), W3.APP_ID);
        assertEquals(W3.PLAINTEXT_2_UTF8_BYTES, W3.PLAINTEXT_2.getBytes(StandardCharsets.UTF_8).length);
        assertEquals(W3.CIPHER_2, cipher.encrypt(W3.PLAINTEXT_2, W3_RANDOM));
    }

    @Test
    void w3CiphertextsDecryptBackToTheirPlaintexts() {
        MessageCipher cipher = new MessageCipher(EncodingAesKey.parse(W3.AES_KEY), W3.APP_ID);
        assertEquals(W3.PLAINTEXT_1, cipher.decrypt(W3.CIPHER_1).messageOrThrow());
        assertEquals(W3.PLAINTEXT_2, cipher.decrypt(W3.CIPHER_2).messageOrThrow());
    }

    @Test
    void wechatpyReplyEncryptsToTheW4Vector() {
        MessageCipher cipher = new MessageCipher(EncodingAesKey.parse(W4.AES_KEY), W4.ID);
        assertEquals(W4.ENCRYPT, cipher.encrypt(W4.PLAINTEXT, W4.RANDOM.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void wechatpyInboundW4DecryptsToTheTextMessage() {
        MessageCipher cipher = new MessageCipher(EncodingAesKey.parse(W4.AES_KEY), W4.ID);
        String msg = cipher.decrypt(W4.DECRYPT_ENCRYPT).messageOrThrow();
        assertTrue(msg.contains("<Content><![CDATA[test]]></Content>"), msg);
        assertTrue(msg.contains("<FromUserName><![CDATA[messense]]></FromUserName>"), msg);
        assertTrue(msg.contains("<MsgId>" + W4.DECRYPT_MSG_ID + "</MsgId>"), msg);
    }

    @Test
    void weComEncryptedEchostrW4DecryptsToItsPlainValue() {
        MessageCipher cipher = new MessageCipher(EncodingAesKey.parse(W4.AES_KEY), W4.ID);
        assertEquals(W4.ECHO_PLAIN, cipher.decrypt(W4.ECHO_ENCRYPTED).messageOrThrow());
    }

    @Test
    void encryptThenDecryptReturnsTheMessageWithFreshRandomness() {
        MessageCipher cipher = new MessageCipher(EncodingAesKey.parse(W2.AES_KEY), W2.APP_ID);
        String message = "满意度 9 分 ✓ ]]> <xml/>";
        String first = cipher.encrypt(message);
        String second = cipher.encrypt(message);
        assertNotEquals(first, second);
        assertEquals(new DecryptResult.Decrypted(message, W2.APP_ID), cipher.decrypt(first));
        assertEquals(new DecryptResult.Decrypted(message, W2.APP_ID), cipher.decrypt(second));
    }

    @Test
    void messagesOfEveryLengthAroundABlockBoundaryRoundTrip() {
        MessageCipher cipher = new MessageCipher(EncodingAesKey.parse(W2.AES_KEY), W2.APP_ID);
        for (int n = 0; n <= 70; n++) {
            String message = "x".repeat(n);
            String encrypted = cipher.encrypt(message, W3_RANDOM);
            assertEquals(0, Base64.getDecoder().decode(encrypted).length % 32, "length " + n);
            assertEquals(message, cipher.decrypt(encrypted).messageOrThrow(), "length " + n);
        }
    }

    @Test
    void aMessageForAnotherAppIdIsReportedAsForeignNotCorrupt() {
        EncodingAesKey key = EncodingAesKey.parse(W2.AES_KEY);
        String encrypted = new MessageCipher(key, "wxforeign0000000").encrypt("hello", W3_RANDOM);

        DecryptResult result = new MessageCipher(key, W2.APP_ID).decrypt(encrypted);

        assertEquals(new DecryptResult.ForeignAppId("wxforeign0000000"), result);
        assertThrows(DecryptionFailedException.class, result::messageOrThrow);
    }

    @Test
    void aTamperedPaddingByteIsRejectedAsBadPadding() {
        // In CBC, flipping a bit of the second-to-last block flips the same bit of the last plaintext block; its
        // last byte is the pad length (7 for this vector), which becomes 71 > 32.
        byte[] bytes = Base64.getDecoder().decode(W3.CIPHER_1);
        bytes[bytes.length - 17] ^= 0x40;
        MessageCipher cipher = new MessageCipher(EncodingAesKey.parse(W3.AES_KEY), W3.APP_ID);

        DecryptResult result = cipher.decrypt(Base64.getEncoder().encodeToString(bytes));

        assertEquals(new DecryptResult.Corrupt(DecryptResult.Reason.BAD_PADDING), result);
    }

    @Test
    void aTamperedFirstBlockGarblesTheLengthFieldAndIsRejected() {
        // Flipping the top bit of ciphertext byte 0 garbles plaintext block 0 (the random prefix) and flips the
        // top bit of plaintext byte 16, the first byte of the length field: 280 becomes 2^31 + 280.
        byte[] bytes = Base64.getDecoder().decode(W2.ENCRYPT);
        bytes[0] ^= (byte) 0x80;
        MessageCipher cipher = new MessageCipher(EncodingAesKey.parse(W2.AES_KEY), W2.APP_ID);

        DecryptResult result = cipher.decrypt(Base64.getEncoder().encodeToString(bytes));

        assertEquals(new DecryptResult.Corrupt(DecryptResult.Reason.BAD_LENGTH), result);
    }

    @Test
    void aWellFormedButWrongKeyNeverYieldsAMessage() {
        MessageCipher wrongKey = new MessageCipher(EncodingAesKey.parse(W4.AES_KEY), W2.APP_ID);
        assertInstanceOf(DecryptResult.Corrupt.class, wrongKey.decrypt(W2.ENCRYPT));
    }

    @Test
    void padValuesOutsideOneToThirtyTwoOrInconsistentPadBytesAreRejected() {
        byte[] key = EncodingAesKey.parse(W2.AES_KEY).keyBytes();
        MessageCipher cipher = new MessageCipher(EncodingAesKey.parse(W2.AES_KEY), W2.APP_ID);
        byte[] body = plaintext("hi", W2.APP_ID); // 16 + 4 + 2 + 18 = 40 bytes

        byte[] zeroPad = Arrays.copyOf(body, 64); // 24 bytes of 0x00: pad value 0
        byte[] thirtyThree = Arrays.copyOf(body, 96);
        Arrays.fill(thirtyThree, 40, 96, (byte) 33); // pad 56 bytes claiming 33
        byte[] inconsistent = Arrays.copyOf(body, 64);
        Arrays.fill(inconsistent, 40, 64, (byte) 24);
        inconsistent[45] = 23;

        for (byte[] padded : new byte[][] {zeroPad, thirtyThree, inconsistent}) {
            assertEquals(new DecryptResult.Corrupt(DecryptResult.Reason.BAD_PADDING),
                    cipher.decrypt(rawEncrypt(key, padded)));
        }
    }

    @Test
    void aCorrectlyPaddedHandBuiltCiphertextDecrypts() {
        // The control for the padding test above: the same construction with valid padding is accepted.
        byte[] key = EncodingAesKey.parse(W2.AES_KEY).keyBytes();
        byte[] valid = Arrays.copyOf(plaintext("hi", W2.APP_ID), 64);
        Arrays.fill(valid, 40, 64, (byte) 24);
        MessageCipher cipher = new MessageCipher(EncodingAesKey.parse(W2.AES_KEY), W2.APP_ID);
        assertEquals("hi", cipher.decrypt(rawEncrypt(key, valid)).messageOrThrow());
    }

    @Test
    void aLengthFieldLongerThanThePlaintextIsRejected() {
        byte[] key = EncodingAesKey.parse(W2.AES_KEY).keyBytes();
        byte[] body = plaintext("hi", W2.APP_ID);
        ByteBuffer.wrap(body).putInt(16, 1000);
        byte[] padded = Arrays.copyOf(body, 64);
        Arrays.fill(padded, 40, 64, (byte) 24);
        MessageCipher cipher = new MessageCipher(EncodingAesKey.parse(W2.AES_KEY), W2.APP_ID);
        assertEquals(new DecryptResult.Corrupt(DecryptResult.Reason.BAD_LENGTH), cipher.decrypt(rawEncrypt(key, padded)));
    }

    @Test
    void invalidUtf8InTheMessageIsRejected() {
        byte[] key = EncodingAesKey.parse(W2.AES_KEY).keyBytes();
        byte[] body = plaintext("hi", W2.APP_ID);
        body[20] = (byte) 0xC3; // a lead byte followed by 'i' is malformed UTF-8
        byte[] padded = Arrays.copyOf(body, 64);
        Arrays.fill(padded, 40, 64, (byte) 24);
        MessageCipher cipher = new MessageCipher(EncodingAesKey.parse(W2.AES_KEY), W2.APP_ID);
        assertEquals(new DecryptResult.Corrupt(DecryptResult.Reason.NOT_UTF8), cipher.decrypt(rawEncrypt(key, padded)));
    }

    @Test
    void textThatIsNotBase64OrNotBlockAlignedIsRejected() {
        MessageCipher cipher = new MessageCipher(EncodingAesKey.parse(W2.AES_KEY), W2.APP_ID);
        assertEquals(new DecryptResult.Corrupt(DecryptResult.Reason.NOT_BASE64), cipher.decrypt("not base64!"));
        assertEquals(new DecryptResult.Corrupt(DecryptResult.Reason.NOT_BLOCK_ALIGNED), cipher.decrypt(""));
        assertEquals(new DecryptResult.Corrupt(DecryptResult.Reason.NOT_BLOCK_ALIGNED),
                cipher.decrypt(Base64.getEncoder().encodeToString(new byte[48])));
    }

    @Test
    void theRandomPrefixMustBeSixteenBytes() {
        MessageCipher cipher = new MessageCipher(EncodingAesKey.parse(W2.AES_KEY), W2.APP_ID);
        assertThrows(IllegalArgumentException.class, () -> cipher.encrypt("x", new byte[15]));
    }

    private static byte[] plaintext(String message, String appId) {
        byte[] msg = message.getBytes(StandardCharsets.UTF_8);
        byte[] id = appId.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(20 + msg.length + id.length)
                .put(new byte[16]).putInt(msg.length).put(msg).put(id).array();
    }

    private static String rawEncrypt(byte[] key, byte[] padded) {
        try {
            Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(key, 16)));
            return Base64.getEncoder().encodeToString(aes.doFinal(padded));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
