package io.feedbackbot.reports.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * One calendar day, Monday-to-Sunday week or month in the reporting time zone: the unit counters are kept in.
 * Invariant: {@code start} is the first day of its unit (a Monday for weeks, the 1st for months).
 */
public record Bucket(Granularity granularity, LocalDate start) {

    public Bucket {
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(start, "start");
        if (!start.equals(startOf(granularity, start))) {
            throw new IllegalArgumentException(start + " does not start a " + granularity.id());
        }
    }

    /** The bucket of {@code granularity} that holds {@code day}. */
    public static Bucket containing(Granularity granularity, LocalDate day) {
        return new Bucket(granularity, startOf(granularity, day));
    }

    private static LocalDate startOf(Granularity granularity, LocalDate day) {
        return switch (granularity) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    /** The last day in the bucket. */
    public LocalDate last() {
        return switch (granularity) {
            case DAY -> start;
            case WEEK -> start.plusDays(6);
            case MONTH -> start.with(TemporalAdjusters.lastDayOfMonth());
        };
    }

    /** {@code d2025-03-03}, {@code w2025-03-03} (the Monday), {@code m2025-03}: part of a Redis key. */
    public String name() {
        return granularity.letter() + label();
    }

    /** How trends label the bucket: the day, the week's Monday, or {@code 2025-03}. */
    public String label() {
        return granularity == Granularity.MONTH ? start.toString().substring(0, 7) : start.toString();
    }
}
