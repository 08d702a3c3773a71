package io.feedbackbot.wechat.crypto;

/**
 * What came out of decrypting an {@code Encrypt} value. A foreign appid (well-formed plaintext meant for another
 * account) is kept apart from a corrupt ciphertext. A well-formed but wrong key cannot be told apart from a
 * tampered ciphertext (the format has no MAC; the msg_signature is what authenticates), so it shows up as
 * {@link Corrupt}; a malformed key never gets here, {@link EncodingAesKey#parse} refuses it.
 */
public sealed interface DecryptResult {

    /** The message, or a {@link DecryptionFailedException} saying why there is none. */
    String messageOrThrow();

    /** The plaintext message, addressed to our appid. */
    record Decrypted(String message, String appId) implements DecryptResult {
        @Override
        public String messageOrThrow() {
            return message;
        }
    }

    /** The ciphertext decrypted cleanly but names another appid. */
    record ForeignAppId(String appId) implements DecryptResult {
        @Override
        public String messageOrThrow() {
            throw new DecryptionFailedException("message is for another appid");
        }
    }

    /** The ciphertext is not a WeChat message under our key. */
    record Corrupt(Reason reason) implements DecryptResult {
        @Override
        public String messageOrThrow() {
            throw new DecryptionFailedException("ciphertext is corrupt: " + reason.description);
        }
    }

    /** Why a ciphertext is corrupt. */
    enum Reason {
        NOT_BASE64("not base64"),
        NOT_BLOCK_ALIGNED("length is not a positive multiple of 32 bytes"),
        BAD_PADDING("PKCS#7 padding is invalid"),
        BAD_LENGTH("message length field does not fit the plaintext"),
        NOT_UTF8("message is not valid UTF-8");

        private final String description;

        Reason(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }
}
