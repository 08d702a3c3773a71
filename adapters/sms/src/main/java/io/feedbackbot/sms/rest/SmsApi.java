package io.feedbackbot.sms.rest;

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
}
