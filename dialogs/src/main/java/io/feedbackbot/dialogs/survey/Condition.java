package io.feedbackbot.dialogs.survey;

import io.feedbackbot.core.conversation.CollectedAnswer;
import java.util.Set;

/**
 * When a branch applies: a score range (inclusive bounds, either may be open) or a set of values (option ids,
 * {@code yes}/{@code no}). A question left without an answer matches no condition.
 */
public record Condition(Integer min, Integer max, Set<String> values) {

    public Condition {
        values = values == null ? Set.of() : Set.copyOf(values);
        if (min == null && max == null && values.isEmpty()) {
            throw new IllegalArgumentException("a condition needs min, max or values");
        }
    }

    public boolean matches(CollectedAnswer answer) {
        if (answer == null || answer.value() == null) {
            return false;
        }
        if (!values.isEmpty() && !values.contains(answer.value())) {
            return false;
        }
        if (min != null || max != null) {
            Integer score = answer.score();
            if (score == null || (min != null && score < min) || (max != null && score > max)) {
                return false;
            }
        }
        return true;
    }
}
