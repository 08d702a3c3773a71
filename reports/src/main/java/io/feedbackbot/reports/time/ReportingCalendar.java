package io.feedbackbot.reports.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The account's calendar: which day, week and month an instant falls in, in the reporting time zone. Counters
 * are filed under all three when an answer arrives, so a report never needs more than a month's worth of reads
 * per month it spans.
 */
public record ReportingCalendar(ZoneId zone) {

    public ReportingCalendar {
        Objects.requireNonNull(zone, "zone");
    }

    public LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }

    /** The day, week and month buckets of {@code at}. */
    public List<Bucket> bucketsOf(Instant at) {
        LocalDate day = day(at);
        return List.of(new Bucket(Granularity.DAY, day), Bucket.containing(Granularity.WEEK, day),
                Bucket.containing(Granularity.MONTH, day));
    }

    /** The first instant of {@code day}. */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }
}
