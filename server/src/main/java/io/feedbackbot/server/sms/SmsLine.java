package io.feedbackbot.server.sms;

import io.feedbackbot.config.SmsAccount;
import io.feedbackbot.sms.phone.PhoneNumbers;
import io.feedbackbot.sms.send.SmsSender;
import io.feedbackbot.sms.webhook.SmsWebhookReader;
import java.util.Objects;

/**
 * One configured SMS account, wired: its settings, the reader that verifies its webhooks, and the at-most-once
 * sender for its REST API.
 *
 * <p>The status callback URL is derived from {@code publicUrl}: {@code /status} appended to its path, any query
 * kept after it ({@code https://bot.example.com/webhooks/sms/main} → {@code …/main/status}). That is the URL sent
 * as {@code StatusCallback}, so it is also the URL the provider signs callbacks with.
 */
record SmsLine(SmsAccount account, SmsWebhookReader reader, SmsSender sender) {

    SmsLine {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(sender, "sender");
    }

    String id() {
        return account.id();
    }

    /** The URL the provider calls with inbound messages, which their signatures cover. */
    String publicUrl() {
        return account.publicUrl();
    }

    /** The URL the provider calls with status callbacks, which their signatures cover. */
    String statusUrl() {
        return statusUrl(account.publicUrl());
    }

    static String statusUrl(String publicUrl) {
        int query = publicUrl.indexOf('?');
        String path = query < 0 ? publicUrl : publicUrl.substring(0, query);
        String rest = query < 0 ? "" : publicUrl.substring(query);
        return (path.endsWith("/") ? path.substring(0, path.length() - 1) : path) + "/status" + rest;
    }

    /** A customer's number in E.164, read in the account's default region. */
    String customer(String raw) {
        return PhoneNumbers.toE164(raw, account.defaultRegion());
    }
}
