package io.feedbackbot.dialogs.survey;

import java.util.List;
import java.util.Objects;

/**
 * One question of a survey.
 *
 * @param id                step id, unique in its survey; answers are stored under it
 * @param type              what kind of answer it takes
 * @param prompt            the question
 * @param example           an example answer shown when a reply is not understood, or null for the default
 * @param options           the options of a choice question, else empty
 * @param optional          whether the customer may skip it ("no", "没有")
 * @param next              branches tried in order after the answer; when none applies, the next step in the file
 * @param escalateAtOrBelow a score at or below which a work order opens (detractors), or null
 */
public record Step(String id, QuestionType type, LocalizedText prompt, LocalizedText example,
                   List<ChoiceOption> options, boolean optional, List<Branch> next, Integer escalateAtOrBelow) {

    public Step {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(prompt, "prompt");
        options = options == null ? List.of() : List.copyOf(options);
        next = next == null ? List.of() : List.copyOf(next);
        if (type == QuestionType.CHOICE && options.size() < 2) {
            throw new IllegalArgumentException("a choice question needs at least two options");
        }
    }
}
