package io.feedbackbot.wechat.api;

/**
 * The root of everything the WeChat API client throws. {@link WeChatTransportException}: the call did not produce
 * a WeChat answer (network, HTTP status, unreadable body). {@link WeChatApiErrorException}: WeChat answered with a
 * non-zero errcode. Messages never contain the access_token, the AppSecret or a full URL.
 */
public abstract sealed class WeChatException extends RuntimeException
        permits WeChatTransportException, WeChatApiErrorException {

    protected WeChatException(String message, Throwable cause) {
        super(message, cause);
    }
}
