package io.feedbackbot.dialogs.survey;

import io.feedbackbot.core.conversation.Language;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders what the bot asks: a step's question with its options, re-prompts with an example, "which one?". Public
 * for start-up checks on the exact texts customers receive (SMS segment budgets); pure and stateless.
 */
public final class Prompts {

    private final Phrases phrases;

    public Prompts(Phrases phrases) {
        this.phrases = phrases;
    }

    /** The question of {@code step} exactly as it is sent, options included. */
    public String question(Step step, Language language) {
        String prompt = step.prompt().in(language);
        if (step.type() != QuestionType.CHOICE) {
            return prompt;
        }
        StringBuilder text = new StringBuilder(prompt);
        List<ChoiceOption> options = step.options();
        for (int i = 0; i < options.size(); i++) {
            text.append('\n').append(i + 1).append(". ").append(options.get(i).label().in(language));
        }
        return text.toString();
    }

    String reprompt(Step step, Language language) {
        QuestionType type = step.type();
        if (step.example() != null) {
            return step.example().in(language);
        }
        if (type.scored()) {
            return phrases.repromptScale().in(language, Map.of("min", Integer.toString(type.min()),
                    "max", Integer.toString(type.max()), "example", Integer.toString(exampleScore(type))));
        }
        if (type == QuestionType.YES_NO) {
            return phrases.repromptYesNo().in(language);
        }
        return phrases.repromptChoice().in(language);
    }

    String askWhich(List<Integer> candidates, Language language) {
        String or = language == Language.EN ? " or " : " 还是 ";
        String separator = language == Language.EN ? ", " : "、";
        List<String> values = candidates.stream().map(String::valueOf).toList();
        String options = values.size() == 1 ? values.get(0)
                : values.subList(0, values.size() - 1).stream().collect(Collectors.joining(separator))
                + or + values.get(values.size() - 1);
        return phrases.askWhich().in(language, Map.of("options", options));
    }

    private static int exampleScore(QuestionType type) {
        return switch (type) {
            case NPS -> 9;
            case CES -> 6;
            default -> 5;
        };
    }
}
