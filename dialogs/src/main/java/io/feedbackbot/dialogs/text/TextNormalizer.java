package io.feedbackbot.dialogs.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one normalisation customer text goes through before anything matches it, so that answers and intents agree on
 * what a message says.
 *
 * <p>Invariant: the result is NFKC (full-width digits and letters become ASCII), lowercase (root locale), has no
 * invisible characters (variation selectors, keycap marks, zero-width joiners, skin-tone modifiers), has single spaces
 * between words, no leading or trailing space and no trailing punctuation such as {@code !。？~…}. Normalising twice
 * gives the same text. Inner punctuation is kept: it separates a score from the words around it.
 */
public final class TextNormalizer {

    private static final String TRAILING_PUNCTUATION = "!?.。~〜…,、;:";

    private TextNormalizer() {
    }

    /** Normalises {@code text}; {@code null} becomes the empty string. */
    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        boolean pendingSpace = false;
        for (int i = 0; i < nfkc.length(); ) {
            int cp = nfkc.codePointAt(i);
            i += Character.charCount(cp);
            if (isInvisible(cp)) {
                continue;
            }
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace && out.length() > 0) {
                out.append(' ');
            }
            pendingSpace = false;
            appendCanonical(out, cp);
        }
        return stripTrailingPunctuation(out.toString().toLowerCase(Locale.ROOT));
    }

    private static void appendCanonical(StringBuilder out, int cp) {
        switch (cp) {
            case '\u2018', '\u2019', '\u02BC' -> out.append('\'');  // curly apostrophes in "I’d"
            case 0x1F51F -> out.append("10");                      // the keycap-ten emoji
            default -> out.appendCodePoint(cp);
        }
    }

    private static boolean isInvisible(int cp) {
        return (cp >= 0xFE00 && cp <= 0xFE0F)          // variation selectors: ⭐️ is ⭐ + U+FE0F
                || (cp >= 0xE0100 && cp <= 0xE01EF)    // variation selectors supplement
                || cp == 0x20E3                        // combining keycap: 9️⃣ is 9 + U+FE0F + U+20E3
                || (cp >= 0x200B && cp <= 0x200D)      // zero-width space, non-joiner, joiner
                || cp == 0x2060 || cp == 0xFEFF        // word joiner, byte order mark
                || (cp >= 0x1F3FB && cp <= 0x1F3FF);   // skin-tone modifiers: 👍🏽 is 👍
    }

    private static String stripTrailingPunctuation(String s) {
        int end = s.length();
        while (end > 0 && (TRAILING_PUNCTUATION.indexOf(s.charAt(end - 1)) >= 0 || s.charAt(end - 1) == ' ')) {
            end--;
        }
        return s.substring(0, end);
    }
}
