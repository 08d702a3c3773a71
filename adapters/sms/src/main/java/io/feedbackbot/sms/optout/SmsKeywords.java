package io.feedbackbot.sms.optout;

import java.util.List;
import java.util.stream.Stream;

/**
 * The per-account keyword lists for SMS opt-out, opt-in and help, with the provider defaults as data. Recognising
 * the keywords in a reply is the dialogs module's job (exact single word, case-insensitive); this only says which
 * words. Invariant: the lists are immutable and no word is in two lists.
 *
 * @param optOut words that stop every further message to the sender
 * @param optIn  words that undo an opt-out
 * @param help   words answered with the account's help text
 */
public record SmsKeywords(List<String> optOut, List<String> optIn, List<String> help) {

    /**
     * Twilio's defaults for long codes: it handles them before the webhook (the webhook still arrives, with
     * {@code OptOutType}), and we keep our own opt-out state from them too.
     */
    public static final SmsKeywords TWILIO = new SmsKeywords(
            List.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "REVOKE"),
            List.of("START", "UNSTOP", "YES"),
            List.of("HELP", "INFO"));

    /**
     * Chinese SMS providers: 退订 (unsubscribe), TD, T (Aliyun's "回T退订") and R (Huawei's "拒收请回复R") on top of
     * the English words, which Chinese customers also send. Which single letter a provider's template promises
     * varies by provider and year, so accounts override this list in configuration.
     */
    public static final SmsKeywords CHINA = new SmsKeywords(
            Stream.concat(Stream.of("退订", "TD", "T", "R"), TWILIO.optOut().stream()).toList(),
            List.of("START", "UNSTOP", "YES"),
            List.of("HELP", "INFO", "帮助"));

    public SmsKeywords {
        optOut = List.copyOf(optOut);
        optIn = List.copyOf(optIn);
        help = List.copyOf(help);
        requireDisjoint(optOut, optIn, "opt-out", "opt-in");
        requireDisjoint(optOut, help, "opt-out", "help");
        requireDisjoint(optIn, help, "opt-in", "help");
    }

    private static void requireDisjoint(List<String> a, List<String> b, String nameA, String nameB) {
        for (String word : a) {
            for (String other : b) {
                if (word.equalsIgnoreCase(other)) {
                    throw new IllegalArgumentException("SMS keyword '" + word + "' is in both the " + nameA
                            + " and the " + nameB + " list");
                }
            }
        }
    }
}
