package io.feedbackbot.dialogs.answer;

import java.util.List;
import java.util.OptionalInt;

/**
 * A number the customer gave as a rating, after its context was read: the values it could mean, the scale the
 * customer stated ({@code /10}, {@code out of 5}, stars, {@code 满分10分}) and whether it states full marks.
 *
 * <p>Invariant: {@code candidates} is non-empty, distinct and ascending; {@code start < end} span the text the
 * mention claims, including a claimed {@code 满分}.
 */
record ScoreMention(int start, int end, List<Integer> candidates, OptionalInt outOf, boolean fullMarks) {

    ScoreMention {
        candidates = candidates.stream().distinct().sorted().toList();
        if (candidates.isEmpty() || end <= start) {
            throw new IllegalArgumentException("bad mention " + start + ".." + end + " " + candidates);
        }
    }

    boolean within(int min, int max) {
        return candidates.stream().allMatch(v -> v >= min && v <= max);
    }
}
