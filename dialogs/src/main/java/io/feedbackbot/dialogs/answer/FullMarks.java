package io.feedbackbot.dialogs.answer;

import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Full marks" in a reply: {@code 满分} (the scale's maximum), {@code 满分10分} and {@code 10分满分} (a number that
 * states the customer's scale), {@code full marks} and {@code perfect score}. A negated {@code 不是满分} is not full
 * marks. {@code 💯} is full marks too.
 */
final class FullMarks {

    private static final Pattern AFTER_NUMBER = Pattern.compile("^\\s*分?\\s*(?:为|是)?\\s*满分");
    private static final Pattern BEFORE_NUMBER = Pattern.compile("满分\\s*(?:是|为|:)?\\s*$");
    private static final Pattern ALONE = Pattern.compile(
            "满分|💯|\\b(?:full marks|full score|perfect score|top marks|top score)\\b");
    private static final List<String> NEGATIONS = List.of("不", "没", "没有", "不是", "不给", "不能", "不到", "离", "差",
            "非", "不算", "达不到", "没到", "not", "no", "n't", "isn't", "not a");

    private FullMarks() {
    }

    /** The length of a {@code 分满分} that follows a number, or -1. */
    static int lengthAfter(String after) {
        Matcher m = AFTER_NUMBER.matcher(after);
        return m.lookingAt() ? m.end() : -1;
    }

    /** Where, in {@code before}, a {@code 满分} that precedes a number starts, or -1. */
    static int startBefore(String before) {
        int from = Math.max(0, before.length() - 8);
        Matcher m = BEFORE_NUMBER.matcher(before).region(from, before.length());
        return m.find() ? m.start() : -1;
    }

    /**
     * A full-marks mention worth {@code max} when the text says full marks somewhere that no other mention claimed,
     * without a negation before it.
     */
    static OptionalInt alone(String s, List<ScoreMention> claimed) {
        Matcher m = ALONE.matcher(s);
        while (m.find()) {
            int at = m.start();
            boolean isClaimed = claimed.stream().anyMatch(c -> c.fullMarks() && c.start() <= at && at < c.end());
            String before = s.substring(0, at).stripTrailing();
            if (!isClaimed && NEGATIONS.stream().noneMatch(before::endsWith)) {
                return OptionalInt.of(at);
            }
        }
        return OptionalInt.empty();
    }
}
