package io.feedbackbot.sms.rest;

import java.time.Instant;

/**
 * Sends one SMS through a provider's API and says what became of it. Implementations never throw and never
 * resend a request the provider may have processed; they block, so call them off the event loop.
 */
public interface SmsApi {

    /**
     * @param to   E.164 number
     * @param body the text; the provider splits it into segments
     */
    SendResult send(String to, String body);

    /**
     * Looks in the provider's message log for a message to {@code to} with exactly this {@code body}, created at or
     * after {@code since}. Used to settle a send cut off by a crash before deciding to send it. Never throws.
     */
    default SentLookup findSent(String to, String body, Instant since) {
        return new SentLookup.Unsupported();
    }
}
