package io.feedbackbot.dialogs.answer;

import java.util.List;

/**
 * A number written somewhere in normalised text, before anything decides whether it is a rating.
 *
 * <p>Invariant: {@code 0 <= start < end}; {@code values} is non-empty and holds one value, or two adjacent values
 * for a number that is itself approximate ({@code 8.5}, {@code 七八}).
 */
record NumberToken(int start, int end, List<Integer> values, Kind kind) {

    /** How the number was written; stars imply a five-star scale. */
    enum Kind { DIGITS, HAN, WORD, STARS }

    NumberToken {
        values = List.copyOf(values);
        if (start < 0 || end <= start || values.isEmpty()) {
            throw new IllegalArgumentException("bad token " + start + ".." + end + " " + values);
        }
    }

    boolean single() {
        return values.size() == 1;
    }

    int value() {
        return values.get(0);
    }
}
