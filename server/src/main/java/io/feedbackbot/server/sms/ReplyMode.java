package io.feedbackbot.server.sms;

import java.util.Locale;

/**
 * How the replies to one inbound SMS reach the customer: inside the webhook's TwiML answer, or later through the
 * REST API because the answer was not ready before the account's deadline. Exactly one of the two is ever used
 * for a MessageSid, whatever the number of provider retries (see {@link RedisReplyModes}).
 */
public enum ReplyMode {
    TWIML, ASYNC;

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ReplyMode fromWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
