package io.feedbackbot.opennlp.training;

import java.util.Objects;
import java.util.Optional;

/**
 * One training or evaluation example: a message, whether it is a complaint, and for complaints optionally the
 * category (from the project corpus or agent labels; public sets carry none).
 *
 * @param label    complaint or not
 * @param category the complaint category, or {@code null} when unknown or not a complaint
 * @param text     the message, never blank
 */
public record LabeledText(Label label, String category, String text) {

    public LabeledText {
        Objects.requireNonNull(label, "label");
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("text must not be blank");
        }
        category = category == null || category.isBlank() || category.equals("-") ? null : category.strip();
    }

    public static LabeledText of(Label label, String text) {
        return new LabeledText(label, null, text);
    }

    public boolean isComplaint() {
        return label == Label.COMPLAINT;
    }

    public Optional<String> categoryIfAny() {
        return Optional.ofNullable(category);
    }
}
