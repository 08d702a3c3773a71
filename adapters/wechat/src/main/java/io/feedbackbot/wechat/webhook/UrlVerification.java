package io.feedbackbot.wechat.webhook;

/** The outcome of WeChat's GET URL verification: echo the {@code echostr} unchanged, or refuse. */
public sealed interface UrlVerification permits UrlVerification.Verified, Rejected {

    /** Answer 200 with exactly {@code echostr} as the body. */
    record Verified(String echostr) implements UrlVerification {
    }
}
