package io.feedbackbot.dialogs.answer;

import java.util.List;

/**
 * What a customer's reply to a question means, as far as the text alone can tell. The survey dialog turns each case
 * into a step: record the answer, ask "8 or 9?", re-prompt with the scale, or re-prompt with the question.
 *
 * <p>Invariant: every case is immutable; {@link Ambiguous} always holds at least two distinct candidates.
 */
public sealed interface ParsedAnswer {

    /** A value on the question's numeric scale, within its bounds. */
    record Score(int value) implements ParsedAnswer {
    }

    /** The 0-based index of one of the question's options. */
    record Choice(int index) implements ParsedAnswer {
        public Choice {
            if (index < 0) {
                throw new IllegalArgumentException("option index must be 0 or more, was " + index);
            }
        }
    }

    /** A yes or a no. */
    record YesNo(boolean yes) implements ParsedAnswer {
    }

    /**
     * The customer gave more than one valid answer ("8 or 9", "七八分", two matching options): ask which one.
     * Candidates are scale values in ascending order, or option indexes in ascending order.
     */
    record Ambiguous(List<Integer> candidates) implements ParsedAnswer {
        public Ambiguous {
            candidates = List.copyOf(candidates);
            if (candidates.size() < 2 || candidates.stream().distinct().count() != candidates.size()) {
                throw new IllegalArgumentException("needs two or more distinct candidates, was " + candidates);
            }
        }
    }

    /** The customer clearly answered with a number, but not one the question allows ("11" on 0–10): re-prompt. */
    record OutOfRange(int value) implements ParsedAnswer {
    }

    /** Nothing in the text answers the question. */
    record NotUnderstood() implements ParsedAnswer {
    }
}
