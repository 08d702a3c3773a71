package io.feedbackbot.reports.time;

import java.util.Arrays;
import java.util.Optional;

/** The calendar units counters are kept in and trends are drawn by. Weeks start on Monday. */
public enum Granularity {
    DAY("day", 'd'),
    WEEK("week", 'w'),
    MONTH("month", 'm');

    private final String id;
    private final char letter;

    Granularity(String id, char letter) {
        this.id = id;
        this.letter = letter;
    }

    /** The name in the API ({@code interval=week}). */
    public String id() {
        return id;
    }

    /** The first letter of bucket names ({@code d2025-03-03}). */
    public char letter() {
        return letter;
    }

    public static Optional<Granularity> fromId(String id) {
        return Arrays.stream(values()).filter(g -> g.id.equals(id)).findFirst();
    }
}
