package io.feedbackbot.opennlp.training;

import java.util.Locale;
import java.util.Optional;

/** The two outcomes of complaint detection, with the label strings used in TSV files and models. */
public enum Label {
    COMPLAINT("complaint"),
    NOT_COMPLAINT("not_complaint");

    private final String tag;

    Label(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    /**
     * Reads a TSV label: {@code complaint} / {@code not_complaint}, or the sentiment labels {@code negative} (counts
     * as complaint) / {@code positive}.
     */
    public static Optional<Label> parse(String s) {
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "complaint", "negative" -> Optional.of(COMPLAINT);
            case "not_complaint", "positive" -> Optional.of(NOT_COMPLAINT);
            default -> Optional.empty();
        };
    }

    public static Label ofTag(String tag) {
        return parse(tag).orElseThrow(() -> new IllegalArgumentException("unknown label " + tag));
    }
}
