package io.feedbackbot.dialogs.survey;

import java.util.Objects;

/**
 * Where a survey goes after a step: to {@code target} (a step id, or {@link #END}) when the condition holds, or
 * always when there is none.
 */
public record Branch(Condition when, String target) {

    /** The target that ends the survey. */
    public static final String END = "end";

    public Branch {
        Objects.requireNonNull(target, "target");
    }
}
