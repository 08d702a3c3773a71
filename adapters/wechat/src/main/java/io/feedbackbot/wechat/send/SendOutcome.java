package io.feedbackbot.wechat.send;

import java.time.Duration;
import java.util.OptionalLong;

/** What happened to one send through the WeChat API, after the retries the protocol calls for. */
public sealed interface SendOutcome {

    /** WeChat accepted it; template sends carry the msgid that TEMPLATESENDJOBFINISH will name. */
    record Sent(OptionalLong msgId) implements SendOutcome {
    }

    /** Nothing was sent (busy after retries, quota, no token yet); try again after {@code retryAfter}. */
    record Deferred(Duration retryAfter, int errcode, String errmsg) implements SendOutcome {
    }

    /** 45015 / 45047: customer-service messages cannot reach this user now; a template can. */
    record KefuUnavailable(int errcode, String errmsg) implements SendOutcome {
    }

    /** WeChat refused for good (not following, blocked, bad OpenID, not authorised…): record it. */
    record Failed(int errcode, String errmsg) implements SendOutcome {
    }

    /**
     * No answer from WeChat (timeout, connection reset, HTTP error): it may or may not have been delivered. Not
     * retried automatically, because a second copy is something the customer would see.
     */
    record Unconfirmed(String reason) implements SendOutcome {
    }
}
