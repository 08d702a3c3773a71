package io.feedbackbot.dialogs.answer;

import io.feedbackbot.dialogs.text.TextNormalizer;
import java.util.List;
import java.util.Objects;

/**
 * Understands a customer's reply to one survey question, in Chinese or English, as the customer typed it in WeChat,
 * SMS or web chat: {@code 9}, {@code ９}, {@code 给9分}, {@code 九分}, {@code nine}, {@code 10/10}, {@code ⭐⭐⭐⭐},
 * {@code 是的}, {@code 👍}, {@code 第一个}.
 *
 * <p>Invariant: stateless and thread-safe; the same text always gives the same answer; it never throws on customer
 * text (a {@code null} or blank reply is {@link ParsedAnswer.NotUnderstood}), only on a malformed question. Each
 * method reads the text after {@link TextNormalizer#normalize(String)}.
 */
public final class AnswerParser {

    /**
     * Reads a value on the scale {@code min..max} (NPS 0–10, CSAT 1–5, CES 1–7).
     *
     * <p>{@link ParsedAnswer.Score} for a value on the scale; {@link ParsedAnswer.OutOfRange} for a number clearly
     * given as a rating but off the scale ({@code 11}, {@code 给100分}); {@link ParsedAnswer.Ambiguous} for "8 or 9",
     * {@code 8-9}, {@code 七八分} and {@code 8.5}; {@link ParsedAnswer.NotUnderstood} for text whose numbers are not
     * ratings ({@code 等了40分钟}, {@code order 123 was late}) or that states another scale ({@code 4/5} on 0–10).
     *
     * @throws IllegalArgumentException when {@code min > max}
     */
    public ParsedAnswer scale(String text, int min, int max) {
        if (min > max) {
            throw new IllegalArgumentException("scale min " + min + " is above max " + max);
        }
        return ScaleReading.read(TextNormalizer.normalize(text), min, max);
    }

    /** Reads a yes ({@code 是}, {@code 好的}, {@code yeah}, {@code 👍}) or a no ({@code 不是}, {@code nope}, {@code ❌}). */
    public ParsedAnswer yesNo(String text) {
        return YesNoReading.read(TextNormalizer.normalize(text));
    }

    /**
     * Reads which option the reply picks.
     *
     * @param optionLabels for each option in the order shown, its labels in every language the survey speaks
     * @throws IllegalArgumentException when there are no options
     */
    public ParsedAnswer choice(String text, List<List<String>> optionLabels) {
        Objects.requireNonNull(optionLabels, "optionLabels");
        if (optionLabels.isEmpty()) {
            throw new IllegalArgumentException("a choice question needs at least one option");
        }
        return ChoiceReading.read(TextNormalizer.normalize(text), optionLabels);
    }
}
