package io.feedbackbot.sms.twiml;

/** A webhook answer that is not a TwiML {@code <Response>} document; the message says what was wrong. */
public final class MalformedTwimlException extends Exception {

    public MalformedTwimlException(String message, Throwable cause) {
        super(message, cause);
    }

    public MalformedTwimlException(String message) {
        super(message);
    }
}
