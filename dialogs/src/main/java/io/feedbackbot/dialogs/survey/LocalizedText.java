package io.feedbackbot.dialogs.survey;

import io.feedbackbot.core.conversation.Language;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A text in every language the bot speaks. Invariant: holds a non-blank text for each {@link Language}.
 */
public record LocalizedText(Map<Language, String> texts) {

    public LocalizedText {
        Objects.requireNonNull(texts, "texts");
        EnumMap<Language, String> copy = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            String text = texts.get(language);
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("missing text for " + language.tag());
            }
            copy.put(language, text.strip());
        }
        texts = Map.copyOf(copy);
    }

    public static LocalizedText of(String zh, String en) {
        return new LocalizedText(Map.of(Language.ZH_CN, zh, Language.EN, en));
    }

    /** The text in {@code language}; both languages (Chinese first) when the language is not known yet. */
    public String in(Language language) {
        if (language == null) {
            return texts.get(Language.ZH_CN) + "\n" + texts.get(Language.EN);
        }
        return texts.get(language);
    }

    /** The text with {@code {name}} placeholders filled in. */
    public String in(Language language, Map<String, String> values) {
        String text = in(language);
        for (Map.Entry<String, String> e : values.entrySet()) {
            text = text.replace("{" + e.getKey() + "}", e.getValue());
        }
        return text;
    }
}
