package io.feedbackbot.reports.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses few stored buckets whose days are exactly a date range: the whole months inside it, then whole Monday
 * weeks inside what is left at either end, then single days. A range costs its whole months plus at most about
 * four weeks and a dozen days at each end, instead of one read per day. Pure.
 */
public final class BucketCover {

    private BucketCover() {
    }

    /** Disjoint buckets, in date order, covering every day of {@code range} and no other. */
    public static List<Bucket> cover(DateRange range) {
        LocalDate firstMonth = range.from().getDayOfMonth() == 1 ? range.from()
                : range.from().withDayOfMonth(1).plusMonths(1);
        List<Bucket> out = new ArrayList<>();
        LocalDate month = firstMonth;
        while (!Bucket.containing(Granularity.MONTH, month).last().isAfter(range.to())) {
            month = month.plusMonths(1);
        }
        if (month.equals(firstMonth)) {
            weeksAndDays(range.from(), range.to(), out);
            return out;
        }
        weeksAndDays(range.from(), firstMonth.minusDays(1), out);
        for (LocalDate m = firstMonth; m.isBefore(month); m = m.plusMonths(1)) {
            out.add(new Bucket(Granularity.MONTH, m));
        }
        weeksAndDays(month, range.to(), out);
        return out;
    }

    private static void weeksAndDays(LocalDate from, LocalDate to, List<Bucket> out) {
        LocalDate day = from;
        while (!day.isAfter(to)) {
            if (day.getDayOfWeek() == DayOfWeek.MONDAY && !day.plusDays(6).isAfter(to)) {
                out.add(new Bucket(Granularity.WEEK, day));
                day = day.plusDays(7);
            } else {
                out.add(new Bucket(Granularity.DAY, day));
                day = day.plusDays(1);
            }
        }
    }

    /**
     * The periods of a trend: each day, week or month that meets {@code range}, cut to the range (a trend over
     * 10 March – 20 April by month has the periods 10–31 March and 1–20 April).
     */
    public static List<Period> periods(DateRange range, Granularity interval) {
        List<Period> out = new ArrayList<>();
        Bucket bucket = Bucket.containing(interval, range.from());
        while (!bucket.start().isAfter(range.to())) {
            DateRange days = range.intersect(new DateRange(bucket.start(), bucket.last()));
            out.add(new Period(bucket.label(), days, cover(days)));
            bucket = Bucket.containing(interval, bucket.last().plusDays(1));
        }
        return out;
    }

    /** One point of a trend: its label, the days it spans, and the buckets that hold them. */
    public record Period(String label, DateRange days, List<Bucket> buckets) {
        public Period {
            buckets = List.copyOf(buckets);
        }
    }
}
