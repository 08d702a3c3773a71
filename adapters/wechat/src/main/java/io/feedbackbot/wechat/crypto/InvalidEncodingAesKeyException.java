package io.feedbackbot.wechat.crypto;

/**
 * A configured EncodingAESKey that cannot be a WeChat key. Thrown at construction, so a bad key stops start-up
 * instead of failing on the first message. The message describes the problem, never the key itself.
 */
public final class InvalidEncodingAesKeyException extends IllegalArgumentException {

    public InvalidEncodingAesKeyException(String message) {
        super(message);
    }
}
