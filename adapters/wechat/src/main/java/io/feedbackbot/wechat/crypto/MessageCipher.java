package io.feedbackbot.wechat.crypto;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.OptionalInt;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Safe-mode message encryption for one account: AES-256-CBC, IV = first 16 key bytes, PKCS#7 padding to 32-byte
 * blocks, plaintext = random(16) + length(4, big-endian) + message (UTF-8) + appid, base64 encoded. Thread-safe:
 * a JCE cipher is created per call.
 */
public final class MessageCipher {

    private static final int RANDOM_LENGTH = 16;
    private static final int HEADER_LENGTH = RANDOM_LENGTH + 4;

    private final SecretKeySpec key;
    private final IvParameterSpec iv;
    private final String appId;
    private final byte[] appIdBytes;
    private final SecureRandom random;

    public MessageCipher(EncodingAesKey key, String appId) {
        this(key, appId, new SecureRandom());
    }

    MessageCipher(EncodingAesKey key, String appId, SecureRandom random) {
        if (appId == null || appId.isEmpty()) {
            throw new IllegalArgumentException("appId is required for safe mode");
        }
        this.key = new SecretKeySpec(key.keyBytes(), "AES");
        this.iv = new IvParameterSpec(key.iv());
        this.appId = appId;
        this.appIdBytes = appId.getBytes(StandardCharsets.UTF_8);
        this.random = random;
    }

    /** Encrypts with 16 fresh random bytes, as every real reply must. */
    public String encrypt(String message) {
        byte[] prefix = new byte[RANDOM_LENGTH];
        random.nextBytes(prefix);
        return encrypt(message, prefix);
    }

    /** Encrypts with the given 16-byte prefix; deterministic, for test vectors. */
    public String encrypt(String message, byte[] random16) {
        if (random16 == null || random16.length != RANDOM_LENGTH) {
            throw new IllegalArgumentException("the random prefix must be exactly 16 bytes");
        }
        byte[] msg = message.getBytes(StandardCharsets.UTF_8);
        ByteBuffer plain = ByteBuffer.allocate(HEADER_LENGTH + msg.length + appIdBytes.length);
        plain.put(random16).putInt(msg.length).put(msg).put(appIdBytes);
        byte[] encrypted = run(Cipher.ENCRYPT_MODE, Pkcs7Padding32.pad(plain.array()));
        return Base64.getEncoder().encodeToString(encrypted);
    }

    /** Decrypts an {@code Encrypt} value and checks that it is addressed to our appid. Never throws. */
    public DecryptResult decrypt(String base64) {
        byte[] encrypted;
        try {
            encrypted = Base64.getDecoder().decode(base64 == null ? "" : base64.trim());
        } catch (IllegalArgumentException e) {
            return new DecryptResult.Corrupt(DecryptResult.Reason.NOT_BASE64);
        }
        if (encrypted.length == 0 || encrypted.length % Pkcs7Padding32.BLOCK != 0) {
            return new DecryptResult.Corrupt(DecryptResult.Reason.NOT_BLOCK_ALIGNED);
        }
        byte[] padded = run(Cipher.DECRYPT_MODE, encrypted);
        OptionalInt length = Pkcs7Padding32.unpaddedLength(padded);
        if (length.isEmpty()) {
            return new DecryptResult.Corrupt(DecryptResult.Reason.BAD_PADDING);
        }
        return split(ByteBuffer.wrap(padded, 0, length.getAsInt()));
    }

    private DecryptResult split(ByteBuffer plain) {
        if (plain.remaining() < HEADER_LENGTH) {
            return new DecryptResult.Corrupt(DecryptResult.Reason.BAD_LENGTH);
        }
        plain.position(plain.position() + RANDOM_LENGTH);
        long msgLength = Integer.toUnsignedLong(plain.getInt());
        if (msgLength > plain.remaining()) {
            return new DecryptResult.Corrupt(DecryptResult.Reason.BAD_LENGTH);
        }
        ByteBuffer msg = plain.slice(plain.position(), (int) msgLength);
        ByteBuffer foundAppId = plain.slice(plain.position() + (int) msgLength, plain.remaining() - (int) msgLength);
        String message;
        String recipient;
        try {
            message = strictUtf8(msg);
            recipient = strictUtf8(foundAppId);
        } catch (CharacterCodingException e) {
            return new DecryptResult.Corrupt(DecryptResult.Reason.NOT_UTF8);
        }
        if (!recipient.equals(appId)) {
            return new DecryptResult.ForeignAppId(recipient);
        }
        return new DecryptResult.Decrypted(message, recipient);
    }

    private static String strictUtf8(ByteBuffer bytes) throws CharacterCodingException {
        CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(bytes);
        return chars.toString();
    }

    private byte[] run(int mode, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(mode, key, iv);
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            // Inputs are block-aligned and the key is 32 bytes, so this means the JCE lacks AES-256-CBC.
            throw new IllegalStateException("AES/CBC/NoPadding with a 256-bit key is unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "MessageCipher[appId=" + appId + "]";
    }
}
