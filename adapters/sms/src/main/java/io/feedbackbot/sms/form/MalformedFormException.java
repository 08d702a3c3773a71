package io.feedbackbot.sms.form;

/**
 * A form body that is not valid {@code application/x-www-form-urlencoded} UTF-8. The message is one line that
 * names the problem and its byte offset, fit to be the reason of a 400 answer.
 */
public final class MalformedFormException extends Exception {

    public MalformedFormException(String message) {
        super(message);
    }
}
