package io.feedbackbot.wechat.inbound;

import java.util.Locale;

/** The non-text message types WeChat documents, plus {@link #UNKNOWN} for anything newer. */
public enum NonTextKind {
    IMAGE, VOICE, VIDEO, SHORTVIDEO, LOCATION, LINK, UNKNOWN;

    /** The kind for a {@code MsgType} value, case-insensitively. */
    public static NonTextKind fromMsgType(String msgType) {
        for (NonTextKind kind : values()) {
            if (kind != UNKNOWN && kind.name().equals(msgType.toUpperCase(Locale.ROOT))) {
                return kind;
            }
        }
        return UNKNOWN;
    }
}
