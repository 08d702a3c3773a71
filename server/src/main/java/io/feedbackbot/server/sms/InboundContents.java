package io.feedbackbot.server.sms;

import io.feedbackbot.config.SmsAccount;
import io.feedbackbot.core.message.InboundContent;
import io.feedbackbot.sms.webhook.InboundSms;
import java.util.List;
import java.util.Locale;

/**
 * What an inbound SMS says, for the engine. The text when there is one; an MMS without text is media of its first
 * part's type ({@code image}, {@code video}…). When the provider matched an opt-out, opt-in or help keyword itself
 * ({@code OptOutType}, e.g. a word of Twilio's own list that this account does not list), the message counts as
 * the account's first keyword of that kind: the provider already acts on it, so our opt-out state must agree.
 */
final class InboundContents {

    private InboundContents() {
    }

    static InboundContent of(InboundSms sms, SmsAccount account) {
        String providerKeyword = sms.optOutType().map(type -> keyword(type, account)).orElse(null);
        if (providerKeyword != null) {
            return new InboundContent.Text(providerKeyword);
        }
        if (sms.body().isBlank() && sms.numMedia() > 0) {
            String type = sms.raw().first("MediaContentType0").orElse("");
            int slash = type.indexOf('/');
            return new InboundContent.Media(slash > 0 ? type.substring(0, slash).toLowerCase(Locale.ROOT) : "mms");
        }
        return new InboundContent.Text(sms.body());
    }

    private static String keyword(String optOutType, SmsAccount account) {
        return switch (optOutType.strip().toUpperCase(Locale.ROOT)) {
            case "STOP" -> first(account.optOutKeywords(), "STOP");
            case "START" -> first(account.optInKeywords(), "START");
            case "HELP" -> "HELP";
            default -> null;
        };
    }

    private static String first(List<String> words, String fallback) {
        return words.isEmpty() ? fallback : words.get(0);
    }
}
