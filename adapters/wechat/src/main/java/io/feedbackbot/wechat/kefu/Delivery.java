package io.feedbackbot.wechat.kefu;

import java.time.Duration;
import java.util.OptionalLong;

/** What became of a message sent outside the HTTP response. */
public sealed interface Delivery {

    /** WeChat accepted it; a template's msgid is matched later by TEMPLATESENDJOBFINISH. */
    record Delivered(SendMethod via, OptionalLong templateMsgId) implements Delivery {
    }

    /**
     * Nothing was sent; try again after {@code after}.
     *
     * @param errcode WeChat's errcode (45009 and 45011 mean the whole account is over a quota), or 0
     */
    record RetryLater(Duration after, int errcode, String reason) implements Delivery {
    }

    /** It cannot reach the user (window closed and no template, or a final refusal): record the failure. */
    record Undeliverable(String reason) implements Delivery {
    }

    /** WeChat did not answer; it may have been delivered. Not repeated, to avoid a duplicate the user would see. */
    record Unconfirmed(SendMethod via, String reason) implements Delivery {
    }
}
