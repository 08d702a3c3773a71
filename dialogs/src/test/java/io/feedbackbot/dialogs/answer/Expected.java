package io.feedbackbot.dialogs.answer;

import java.util.Arrays;
import java.util.List;

/** Reads an expected answer written in a test table: {@code score 9}, {@code ambiguous 8 9}, {@code not understood}. */
final class Expected {

    private Expected() {
    }

    static ParsedAnswer answer(String spec) {
        String[] words = spec.trim().split("\\s+");
        List<Integer> numbers = Arrays.stream(words).skip(1).filter(w -> w.matches("-?\\d+")).map(Integer::valueOf)
                .toList();
        return switch (words[0]) {
            case "score" -> new ParsedAnswer.Score(numbers.get(0));
            case "choice" -> new ParsedAnswer.Choice(numbers.get(0));
            case "yes" -> new ParsedAnswer.YesNo(true);
            case "no" -> new ParsedAnswer.YesNo(false);
            case "ambiguous" -> new ParsedAnswer.Ambiguous(numbers);
            case "out" -> new ParsedAnswer.OutOfRange(numbers.get(0));
            case "not" -> new ParsedAnswer.NotUnderstood();
            default -> throw new IllegalArgumentException("unknown expectation: " + spec);
        };
    }
}
