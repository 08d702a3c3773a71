package io.feedbackbot.dialogs.intent;

import io.feedbackbot.dialogs.text.TextNormalizer;
import java.util.Optional;

/**
 * Recognises an {@link Intent} in a customer's message, before the message is read as an answer.
 *
 * <p>It only reports what the words say; the caller's state decides what a report means. {@link Intent#OPT_IN}
 * ({@code YES}) is a request only from an opted-out customer and otherwise an answer; {@link Intent#HELP} only where
 * the channel offers help. When several intents match, the first in {@link Intent}'s declaration order wins:
 * OPT_OUT, HUMAN, QUIT, HELP, OPT_IN.
 *
 * <p>Invariant: stateless, thread-safe and deterministic; matching is on {@linkplain TextNormalizer normalised} text,
 * so case, full-width letters and trailing punctuation never matter.
 */
public final class IntentRecognizer {

    /** The intent {@code text} expresses under {@code lexicon}, or empty when it expresses none. */
    public Optional<Intent> recognize(String text, IntentLexicon lexicon) {
        String s = TextNormalizer.normalize(text);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        for (Intent intent : Intent.values()) {
            if (lexicon.keywordsOf(intent).contains(s)
                    || lexicon.phrasesOf(intent).stream().anyMatch(phrase -> contains(s, phrase))) {
                return Optional.of(intent);
            }
        }
        return Optional.empty();
    }

    /** Chinese phrases match anywhere; Latin phrases only as whole words. */
    static boolean contains(String s, String phrase) {
        if (phrase.chars().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            return s.contains(phrase);
        }
        for (int at = s.indexOf(phrase); at >= 0; at = s.indexOf(phrase, at + 1)) {
            int end = at + phrase.length();
            if ((at == 0 || !isLatinOrDigit(s.charAt(at - 1))) && (end == s.length() || !isLatinOrDigit(s.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLatinOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
