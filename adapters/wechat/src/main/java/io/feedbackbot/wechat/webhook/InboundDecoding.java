package io.feedbackbot.wechat.webhook;

import io.feedbackbot.wechat.inbound.InboundMessage;

/** The outcome of checking and decoding one webhook POST. */
public sealed interface InboundDecoding permits InboundDecoding.Accepted, Rejected {

    /** An authentic, fresh, well-formed push for this account. */
    record Accepted(InboundMessage message, ReplyMode replyMode) implements InboundDecoding {
    }
}
