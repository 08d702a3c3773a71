package io.feedbackbot.core.conversation;

import java.util.Locale;
import java.util.Optional;

/**
 * A language the bot speaks. A conversation's language is chosen once (from the invitation, else from the
 * customer's first message) and never changes afterwards.
 */
public enum Language {
    ZH_CN("zh-CN"),
    EN("en");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    /** The BCP 47 tag used in configuration, the API and stored answers. */
    public String tag() {
        return tag;
    }

    /** Parses a tag leniently: {@code zh}, {@code zh-CN}, {@code zh_cn}, {@code en-US} and so on. */
    public static Optional<Language> fromTag(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String t = tag.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        if (t.equals("zh") || t.startsWith("zh-")) {
            return Optional.of(ZH_CN);
        }
        if (t.equals("en") || t.startsWith("en-")) {
            return Optional.of(EN);
        }
        return Optional.empty();
    }

    /**
     * Guesses the language of a customer's text: Chinese when it holds any Han character, English when it holds
     * Latin letters, otherwise nothing (digits and emoji say nothing about a language).
     */
    public static Optional<Language> detect(String text) {
        if (text == null) {
            return Optional.empty();
        }
        boolean latin = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                return Optional.of(ZH_CN);
            }
            if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) {
                latin = true;
            }
            i += Character.charCount(cp);
        }
        return latin ? Optional.of(EN) : Optional.empty();
    }
}
