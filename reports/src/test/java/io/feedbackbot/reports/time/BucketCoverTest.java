package io.feedbackbot.reports.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BucketCoverTest {

    private static DateRange range(String from, String to) {
        return new DateRange(LocalDate.parse(from), LocalDate.parse(to));
    }

    private static String names(List<Bucket> buckets) {
        return String.join(" ", buckets.stream().map(Bucket::name).toList());
    }

    @ParameterizedTest(name = "{0}..{1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "2025-03-01|2025-03-31|m2025-03",
            "2025-03-05|2025-03-05|d2025-03-05",
            // 2025-03-03 is a Monday
            "2025-03-03|2025-03-09|w2025-03-03",
            "2025-03-02|2025-03-10|d2025-03-02 w2025-03-03 d2025-03-10",
            // a quarter: three months, nothing else
            "2025-01-01|2025-03-31|m2025-01 m2025-02 m2025-03",
            // whole February inside, a week and days at both ends
            "2025-01-20|2025-03-12|w2025-01-20 d2025-01-27 d2025-01-28 d2025-01-29 d2025-01-30 d2025-01-31 "
                    + "m2025-02 d2025-03-01 d2025-03-02 w2025-03-03 d2025-03-10 d2025-03-11 d2025-03-12",
    })
    void coversExactlyTheRangeWithTheFewestBuckets(String from, String to, String expected) {
        assertEquals(expected.replaceAll("\\s+", " "), names(BucketCover.cover(range(from, to))));
    }

    @Test
    void everyDayIsCoveredOnceForAnyRangeInAYear() {
        LocalDate base = LocalDate.parse("2024-12-01");
        for (int start = 0; start < 120; start += 7) {
            for (int length = 0; length < 140; length += 3) {
                DateRange r = new DateRange(base.plusDays(start), base.plusDays(start + length));
                List<LocalDate> days = new ArrayList<>();
                for (Bucket b : BucketCover.cover(r)) {
                    for (LocalDate d = b.start(); !d.isAfter(b.last()); d = d.plusDays(1)) {
                        days.add(d);
                    }
                }
                List<LocalDate> expected = r.from().datesUntil(r.to().plusDays(1)).toList();
                assertEquals(expected, days, r.toString());
            }
        }
    }

    @Test
    void weeklyTrendPeriodsStartOnMondayAndAreCutToTheRange() {
        List<BucketCover.Period> weeks = BucketCover.periods(range("2025-03-01", "2025-03-18"), Granularity.WEEK);
        assertEquals(List.of("2025-02-24", "2025-03-03", "2025-03-10", "2025-03-17"),
                weeks.stream().map(BucketCover.Period::label).toList());
        assertEquals(range("2025-03-01", "2025-03-02"), weeks.get(0).days());
        assertEquals("d2025-03-01 d2025-03-02", names(weeks.get(0).buckets()));
        assertEquals("w2025-03-03", names(weeks.get(1).buckets()));
        assertEquals(range("2025-03-17", "2025-03-18"), weeks.get(3).days());
    }

    @Test
    void monthlyTrendPeriodsAreCalendarMonths() {
        List<BucketCover.Period> months = BucketCover.periods(range("2025-01-15", "2025-03-31"), Granularity.MONTH);
        assertEquals(List.of("2025-01", "2025-02", "2025-03"),
                months.stream().map(BucketCover.Period::label).toList());
        assertEquals("m2025-02", names(months.get(1).buckets()));
    }
}
