package io.feedbackbot.wechat.api;

/**
 * No WeChat answer: connection or timeout failure, a non-2xx status or a body that is not WeChat JSON. Whether
 * WeChat acted on the request is unknown, so only idempotent calls (token fetches) may be retried blindly.
 */
public final class WeChatTransportException extends WeChatException {

    public WeChatTransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
