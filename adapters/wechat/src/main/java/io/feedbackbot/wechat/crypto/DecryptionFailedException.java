package io.feedbackbot.wechat.crypto;

/** A ciphertext that did not decrypt to a message for our appid; see {@link DecryptResult} for the cases. */
public final class DecryptionFailedException extends RuntimeException {

    public DecryptionFailedException(String message) {
        super(message);
    }
}
