package io.feedbackbot.wechat.api;

/** WeChat answered with a non-zero errcode where the caller needed a result (a token fetch). */
public final class WeChatApiErrorException extends WeChatException {

    private final ApiReply reply;

    public WeChatApiErrorException(String endpoint, ApiReply reply) {
        super(endpoint + " failed: errcode " + reply.errcode() + " (" + reply.errmsg() + ")", null);
        this.reply = reply;
    }

    public ApiReply reply() {
        return reply;
    }
}
