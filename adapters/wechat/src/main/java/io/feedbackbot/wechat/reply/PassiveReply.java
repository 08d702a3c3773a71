package io.feedbackbot.wechat.reply;

import io.feedbackbot.wechat.inbound.InboundMessage;
import io.feedbackbot.wechat.xml.Cdata;
import java.time.Instant;

/**
 * The plain passive text reply WeChat accepts in the HTTP response, addressed back to the sender, in the shape of
 * the official doc. Content is CDATA-wrapped by {@link Cdata}, so any text keeps the document well-formed.
 */
public final class PassiveReply {

    /**
     * The body that tells WeChat "no passive reply, do not retry". It is sent as is, also in safe mode; the answer
     * then goes out through the customer-service API.
     */
    public static final String ACK = "success";

    private PassiveReply() {
    }

    /** A text reply to {@code inbound}, from the account to the user who wrote. */
    public static String text(InboundMessage inbound, String content, Instant now) {
        return text(inbound.header().fromUserName(), inbound.header().toUserName(), now.getEpochSecond(), content);
    }

    /**
     * A text reply.
     *
     * @param toUser   the user's OpenID
     * @param fromUser the account's original id
     */
    public static String text(String toUser, String fromUser, long createTime, String content) {
        return "<xml><ToUserName>" + Cdata.wrap(toUser) + "</ToUserName>"
                + "<FromUserName>" + Cdata.wrap(fromUser) + "</FromUserName>"
                + "<CreateTime>" + createTime + "</CreateTime>"
                + "<MsgType><![CDATA[text]]></MsgType>"
                + "<Content>" + Cdata.wrap(content) + "</Content></xml>";
    }
}
