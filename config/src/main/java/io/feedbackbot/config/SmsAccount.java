package io.feedbackbot.config;

import io.feedbackbot.core.conversation.Language;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A Twilio-compatible SMS account ({@code channels.sms.accounts[]}).
 *
 * @param id                  the account id in URLs ({@code /webhooks/sms/{id}})
 * @param provider            {@code twilio}
 * @param accountSid          the provider's account SID
 * @param authToken           the auth token (request signatures, REST auth); never logged
 * @param from                the sending number (E.164), or null when a messaging service sends
 * @param messagingServiceSid the messaging service, or null when {@code from} is set
 * @param apiBaseUrl          the REST API ({@code https://api.twilio.com}; tests point it at a local server)
 * @param publicUrl           the URL the provider calls for this account's webhook (signatures are computed over it)
 * @param defaultRegion       the region for numbers written without a country code ({@code CN}, {@code US})
 * @param optOutKeywords      whole-message keywords that opt a number out of everything from this account
 * @param optInKeywords       keywords that opt it back in
 * @param helpText            the reply to HELP / INFO by language tag ({@code zh-CN}, {@code en})
 * @param maxSegments         survey prompts longer than this many segments are warned about at start-up
 * @param replyDeadline       how long the webhook waits for the reply before answering empty TwiML and sending
 *                            the reply through the REST API
 * @param defaultSurvey       the survey a number gets by texting first, or null
 * @param defaultLanguage     the language when nothing else tells
 * @param sendTimeout         how long one REST call may take before its outcome is unknown
 * @param sendAttempts        calls per message at most, retrying only what the provider certainly did not take
 *                            (429, no connection)
 */
public record SmsAccount(String id, String provider, String accountSid, String authToken, String from,
                         String messagingServiceSid, String apiBaseUrl, String publicUrl, String defaultRegion,
                         List<String> optOutKeywords, List<String> optInKeywords, Map<String, String> helpText,
                         int maxSegments, Duration replyDeadline, String defaultSurvey, Language defaultLanguage,
                         Duration sendTimeout, int sendAttempts) {

    public SmsAccount {
        optOutKeywords = List.copyOf(optOutKeywords);
        optInKeywords = List.copyOf(optInKeywords);
        helpText = Map.copyOf(helpText);
    }

    /** An account with the default REST send policy (10 s per call, up to 4 attempts for what was never taken). */
    public SmsAccount(String id, String provider, String accountSid, String authToken, String from,
                      String messagingServiceSid, String apiBaseUrl, String publicUrl, String defaultRegion,
                      List<String> optOutKeywords, List<String> optInKeywords, Map<String, String> helpText,
                      int maxSegments, Duration replyDeadline, String defaultSurvey, Language defaultLanguage) {
        this(id, provider, accountSid, authToken, from, messagingServiceSid, apiBaseUrl, publicUrl, defaultRegion,
                optOutKeywords, optInKeywords, helpText, maxSegments, replyDeadline, defaultSurvey, defaultLanguage,
                Duration.ofSeconds(10), 4);
    }

    @Override
    public String toString() {
        return "SmsAccount[" + id + ", " + provider + ", accountSid=" + accountSid + "]";
    }
}
