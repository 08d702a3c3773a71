package io.feedbackbot.reports.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportingCalendarTest {

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @CsvSource({
            // 16:00 UTC is midnight in Shanghai: Sunday 2 March becomes Monday 3 March, a new week
            "2025-03-02T15:59:59Z, Asia/Shanghai, d2025-03-02 w2025-02-24 m2025-03",
            "2025-03-02T16:00:00Z, Asia/Shanghai, d2025-03-03 w2025-03-03 m2025-03",
            // the last evening of February in UTC is already March in Shanghai
            "2025-02-28T16:30:00Z, Asia/Shanghai, d2025-03-01 w2025-02-24 m2025-03",
            "2025-02-28T16:30:00Z, UTC,           d2025-02-28 w2025-02-24 m2025-02",
            // New Year's Eve in New York is already 1 January in UTC
            "2025-01-01T03:00:00Z, America/New_York, d2024-12-31 w2024-12-30 m2024-12",
    })
    void answersAreFiledUnderTheDayWeekAndMonthOfTheAccountsTimeZone(String at, String zone, String buckets) {
        ReportingCalendar calendar = new ReportingCalendar(ZoneId.of(zone));
        assertEquals(buckets, String.join(" ", calendar.bucketsOf(Instant.parse(at)).stream().map(Bucket::name).toList()));
    }
}
