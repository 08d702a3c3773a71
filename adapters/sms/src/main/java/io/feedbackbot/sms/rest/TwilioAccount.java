package io.feedbackbot.sms.rest;

import java.util.Objects;
import java.util.Optional;

/**
 * What the REST client needs to send for one SMS account. Invariant: the auth token never appears in
 * {@link #toString()}, so logging the record is safe.
 *
 * @param apiBaseUrl        {@code https://api.twilio.com} in production; a local server in tests and staging
 * @param statusCallbackUrl the public URL of {@code /webhooks/sms/{account}/status}; empty for no callbacks
 */
public record TwilioAccount(String accountSid, String authToken, String apiBaseUrl, SmsFrom from,
                            Optional<String> statusCallbackUrl) {

    public TwilioAccount {
        requireText(accountSid, "accountSid");
        requireText(authToken, "authToken");
        requireText(apiBaseUrl, "apiBaseUrl");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(statusCallbackUrl, "statusCallbackUrl");
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("SMS account setting '" + name + "' is empty");
        }
    }

    @Override
    public String toString() {
        return "TwilioAccount[accountSid=" + accountSid + ", authToken=***, apiBaseUrl=" + apiBaseUrl
                + ", from=" + from + ", statusCallbackUrl=" + statusCallbackUrl.orElse("none") + "]";
    }
}
