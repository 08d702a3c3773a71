package io.feedbackbot.wechat.signature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * WeChat's signature: SHA-1 over the parts sorted lexicographically and concatenated, as lowercase hex. The URL
 * {@code signature} signs {@code token, timestamp, nonce}; the safe-mode {@code msg_signature} adds the
 * {@code Encrypt} value. Verification compares in constant time, so a forger learns nothing from response timing.
 */
public final class WeChatSignature {

    private WeChatSignature() {
    }

    /** The signature of {@code parts}; their order does not matter. */
    public static String compute(String... parts) {
        String[] sorted = parts.clone();
        for (String part : sorted) {
            if (part == null) {
                throw new IllegalArgumentException("a signature part is null");
            }
        }
        Arrays.sort(sorted);
        MessageDigest sha1 = newSha1();
        for (String part : sorted) {
            sha1.update(part.getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha1.digest());
    }

    /**
     * Whether {@code presented} is the signature of {@code parts}. A null or blank presented value never
     * matches; hex case is ignored.
     */
    public static boolean matches(String presented, String... parts) {
        if (presented == null || presented.isBlank()) {
            return false;
        }
        for (String part : parts) {
            if (part == null) {
                return false;
            }
        }
        byte[] expected = compute(parts).getBytes(StandardCharsets.US_ASCII);
        byte[] actual = presented.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual);
    }

    private static MessageDigest newSha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-1", e);
        }
    }
}
