package io.feedbackbot.wechat.webhook;

/**
 * A refused webhook request.
 *
 * @param detail more precise text for the log (a parser position, a foreign appid); never secrets or message text
 */
public record Rejected(Rejection rejection, String detail) implements UrlVerification, InboundDecoding {

    public Rejected(Rejection rejection) {
        this(rejection, rejection.reason());
    }
}
