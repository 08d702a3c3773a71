package io.feedbackbot.wechat.webhook;

/** How a passive reply must be written: as the request came, encrypted when it was. */
public enum ReplyMode {
    PLAIN, ENCRYPTED
}
