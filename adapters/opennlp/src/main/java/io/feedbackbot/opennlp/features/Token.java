package io.feedbackbot.opennlp.features;

/**
 * One unit of a message as the feature extractor sees it: a normalised form plus the span of the original text it
 * came from, so that features can point back at the customer's own words.
 *
 * @param kind  what sort of unit this is
 * @param norm  the normalised form (lower case, half-width, placeholders for URLs, mentions and numbers)
 * @param start index of the first char in the original text
 * @param end   index after the last char in the original text; {@code end > start}
 */
public record Token(Kind kind, String norm, int start, int end) {

    /** The sorts of units a message is cut into. */
    public enum Kind {
        /** A Latin (or other alphabetic) word, possibly with inner apostrophes; also URL, mention and number placeholders. */
        WORD,
        /** A run of Han characters, cut into characters later. */
        HAN,
        /** One emoji (or pictographic symbol). */
        EMOJI,
        /** A run of sentence-final marks such as {@code !!!}, {@code ？？} or {@code ?!}. */
        MARK,
        /** Punctuation that ends a clause (comma, full stop, semicolon...): negation scope stops here. */
        BREAK
    }

    public Token {
        if (end <= start) {
            throw new IllegalArgumentException("empty token span " + start + ".." + end);
        }
    }

    boolean isWordLike() {
        return kind == Kind.WORD;
    }
}
