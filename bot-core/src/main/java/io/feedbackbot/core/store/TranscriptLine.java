package io.feedbackbot.core.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a conversation's transcript, as agents read it.
 *
 * @param from {@code customer}, {@code bot}, or {@code agent:<username>}
 * @param text what was said ({@code [image]} and the like for what was not text)
 */
public record TranscriptLine(String from, String text, Instant at) {

    public TranscriptLine {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
    }
}
