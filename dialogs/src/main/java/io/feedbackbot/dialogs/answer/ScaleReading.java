package io.feedbackbot.dialogs.answer;

import java.util.List;

/**
 * Turns the rating mentions of a reply into one answer on a scale from {@code min} to {@code max}.
 *
 * <p>A reply that states another scale ({@code 4/5} or stars on 0–10, {@code 满分5分} on 0–10) is not understood: the
 * bot never converts between scales, it asks again. Full marks alone is the maximum. Several distinct values are
 * ambiguous when at least two lie on the scale; otherwise the reply is out of range.
 */
final class ScaleReading {

    private ScaleReading() {
    }

    static ParsedAnswer read(String normalized, int min, int max) {
        List<ScoreMention> found = ScoreMentionFinder.find(normalized, min, max);
        boolean otherScale = found.stream().anyMatch(m -> m.outOf().isPresent() && m.outOf().getAsInt() != max);
        if (otherScale) {
            return new ParsedAnswer.NotUnderstood();
        }
        List<ScoreMention> scores = found.stream().filter(m -> !m.fullMarks()).toList();
        if (scores.isEmpty()) {
            scores = found;
        }
        List<Integer> candidates = scores.stream()
                .flatMap(m -> m.candidates().stream()).distinct().sorted().toList();
        if (candidates.isEmpty()) {
            return new ParsedAnswer.NotUnderstood();
        }
        List<Integer> onScale = candidates.stream().filter(v -> v >= min && v <= max).toList();
        if (candidates.size() == 1) {
            int value = candidates.get(0);
            return onScale.isEmpty() ? new ParsedAnswer.OutOfRange(value) : new ParsedAnswer.Score(value);
        }
        if (onScale.size() >= 2) {
            return new ParsedAnswer.Ambiguous(onScale);
        }
        int firstOff = candidates.stream().filter(v -> v < min || v > max).findFirst().orElseThrow();
        return new ParsedAnswer.OutOfRange(firstOff);
    }
}
