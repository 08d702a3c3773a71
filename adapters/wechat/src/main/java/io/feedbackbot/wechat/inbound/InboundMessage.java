package io.feedbackbot.wechat.inbound;

import io.feedbackbot.wechat.privacy.OpenIdMask;
import java.util.Optional;

/**
 * One message or event pushed by WeChat, decrypted and parsed. Every kind carries the common {@link Header} and a
 * {@link #dedupeKey()} that is equal for WeChat's retries of the same push and different for different pushes
 * of one account (prefix it with the account when storing it).
 */
public sealed interface InboundMessage permits InboundMessage.Text, InboundMessage.NonText, InboundEvent {

    Header header();

    /** Messages: {@code msg:<MsgId>}; events: {@code evt:<FromUserName>:<CreateTime>:<Event>:<EventKey>}. */
    String dedupeKey();

    /**
     * The fields every push has.
     *
     * @param toUserName   the account's original id ({@code gh_…})
     * @param fromUserName the sender's OpenID
     * @param createTime   WeChat's time of the push, epoch seconds
     */
    record Header(String toUserName, String fromUserName, long createTime) {
        @Override
        public String toString() {
            return "Header[to=" + toUserName + ", from=" + OpenIdMask.mask(fromUserName)
                    + ", createTime=" + createTime + "]";
        }
    }

    /** A text message: the only kind the bot answers with content. {@code msgId} is WeChat's decimal MsgId. */
    record Text(Header header, String content, String msgId) implements InboundMessage {
        @Override
        public String dedupeKey() {
            return "msg:" + msgId;
        }

        @Override
        public String toString() {
            return "Text[" + header + ", msgId=" + msgId + ", " + content.length() + " chars]";
        }
    }

    /**
     * Image, voice, video, location, link or a type we do not know: answered with a request to write text.
     *
     * @param msgType the type as WeChat sent it
     * @param msgId   present for every documented type
     */
    record NonText(Header header, NonTextKind kind, String msgType, Optional<String> msgId) implements InboundMessage {
        @Override
        public String dedupeKey() {
            return msgId.map(id -> "msg:" + id)
                    .orElse("msg:" + header.fromUserName() + ":" + header.createTime() + ":" + msgType);
        }
    }
}
