package io.feedbackbot.dialogs.survey;

import java.util.Objects;

/**
 * One option of a single-choice question.
 *
 * @param id    stable id, stored as the answer's value (labels may be reworded later)
 * @param label what the customer sees, and may type instead of the number
 */
public record ChoiceOption(String id, LocalizedText label) {

    public ChoiceOption {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
    }
}
