package io.feedbackbot.wechat.crypto;

import java.util.Arrays;
import java.util.OptionalInt;

/**
 * PKCS#7 padding to 32-byte blocks, as WeChat uses it (not the 16-byte AES block size, which is why the JCE's own
 * padding is switched off). Padding always adds 1..32 bytes, each holding the pad length.
 */
final class Pkcs7Padding32 {

    static final int BLOCK = 32;

    private Pkcs7Padding32() {
    }

    static byte[] pad(byte[] data) {
        int pad = BLOCK - data.length % BLOCK;
        byte[] padded = Arrays.copyOf(data, data.length + pad);
        Arrays.fill(padded, data.length, padded.length, (byte) pad);
        return padded;
    }

    /** The length of the data without its padding, or empty when the padding is not valid. */
    static OptionalInt unpaddedLength(byte[] padded) {
        if (padded.length == 0) {
            return OptionalInt.empty();
        }
        int pad = padded[padded.length - 1] & 0xff;
        if (pad < 1 || pad > BLOCK || pad > padded.length) {
            return OptionalInt.empty();
        }
        for (int i = padded.length - pad; i < padded.length; i++) {
            if ((padded[i] & 0xff) != pad) {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.of(padded.length - pad);
    }
}
