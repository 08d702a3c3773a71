package io.feedbackbot.wechat.crypto;

import java.util.Arrays;
import java.util.Base64;

/**
 * The account's EncodingAESKey: 43 base64 characters that decode (with one {@code =} appended) to the 32-byte
 * AES-256 key; the first 16 key bytes are the CBC initialisation vector. Immutable; {@link #toString()} never
 * shows the key.
 */
public final class EncodingAesKey {

    /** The length WeChat generates and requires. */
    public static final int LENGTH = 43;

    private final byte[] key;

    private EncodingAesKey(byte[] key) {
        this.key = key;
    }

    /**
     * Parses a key as configured.
     *
     * @throws InvalidEncodingAesKeyException when the value is not 43 characters of the base64 alphabet
     */
    public static EncodingAesKey parse(String value) {
        if (value == null) {
            throw new InvalidEncodingAesKeyException("EncodingAESKey is missing");
        }
        if (value.length() != LENGTH) {
            throw new InvalidEncodingAesKeyException(
                    "EncodingAESKey must be " + LENGTH + " characters, got " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean base64 = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '+' || c == '/';
            if (!base64) {
                throw new InvalidEncodingAesKeyException(
                        "EncodingAESKey may contain only A-Z, a-z, 0-9, + and /; position " + (i + 1) + " is not");
            }
        }
        return new EncodingAesKey(Base64.getDecoder().decode(value + "="));
    }

    /** The 32-byte AES key (a copy). */
    public byte[] keyBytes() {
        return key.clone();
    }

    /** The 16-byte IV: the first half of the key (a copy). */
    public byte[] iv() {
        return Arrays.copyOf(key, 16);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncodingAesKey other && Arrays.equals(key, other.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "EncodingAesKey[***]";
    }
}
