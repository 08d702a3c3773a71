package io.feedbackbot.dialogs.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The send window in each recipient's local time: weekdays, hours, holidays, make-up workdays, DST. */
class SendWindowTest {

    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    /** National Day 2025 (Oct 1-8 off, Sep 28 and Oct 11 worked) and Labour Day 2025 (May 1-5 off, Apr 27 worked). */
    private static final HolidayCalendar CN = new HolidayCalendar("cn",
            Set.of(LocalDate.parse("2025-10-01"), LocalDate.parse("2025-10-02"), LocalDate.parse("2025-10-03"),
                    LocalDate.parse("2025-10-04"), LocalDate.parse("2025-10-05"),
                    LocalDate.parse("2025-10-06"), LocalDate.parse("2025-10-07"), LocalDate.parse("2025-10-08"),
                    LocalDate.parse("2025-05-01"), LocalDate.parse("2025-05-02"), LocalDate.parse("2025-05-05")),
            Set.of(LocalDate.parse("2025-09-28"), LocalDate.parse("2025-10-11"), LocalDate.parse("2025-04-27")));
    private static final SendWindow WORKING_HOURS = SendWindow.of(WEEKDAYS, LocalTime.of(9, 0), LocalTime.of(20, 0), CN);

    @ParameterizedTest(name = "{0} in {1}: {2} ({3})")
    @CsvSource({
            // instant (UTC),          zone,              open,  why
            "2025-09-24T02:00:00Z, Asia/Shanghai,        true,  Wednesday 10:00 in Shanghai",
            "2025-09-24T00:59:00Z, Asia/Shanghai,        false, Wednesday 08:59 is before opening",
            "2025-09-24T01:00:00Z, Asia/Shanghai,        true,  09:00 sharp opens",
            "2025-09-24T11:59:00Z, Asia/Shanghai,        true,  19:59 is still open",
            "2025-09-24T12:00:00Z, Asia/Shanghai,        false, 20:00 is closed (the end is exclusive)",
            "2025-09-27T02:00:00Z, Asia/Shanghai,        false, an ordinary Saturday",
            "2025-09-28T02:00:00Z, Asia/Shanghai,        true,  Sunday Sep 28 is a make-up workday",
            "2025-10-01T02:00:00Z, Asia/Shanghai,        false, Wednesday Oct 1 is National Day",
            "2025-10-08T02:00:00Z, Asia/Shanghai,        false, Wednesday Oct 8 is still the holiday",
            "2025-10-09T02:00:00Z, Asia/Shanghai,        true,  Thursday Oct 9 is back to work",
            "2025-10-11T02:00:00Z, Asia/Shanghai,        true,  Saturday Oct 11 is a make-up workday",
            "2025-04-27T02:00:00Z, Asia/Shanghai,        true,  Sunday Apr 27 is a make-up workday",
            "2025-05-02T02:00:00Z, Asia/Shanghai,        false, Friday May 2 is Labour Day",
            "2025-09-24T02:00:00Z, Europe/London,        false, the same instant is 03:00 in London",
            "2025-09-24T08:00:00Z, Europe/London,        true,  09:00 BST in London",
            "2025-10-01T08:00:00Z, Europe/London,        false, China's calendar applies to every recipient of the campaign",
            "2026-03-09T13:30:00Z, America/New_York,     true,  Monday 09:30 EDT, the day after clocks went forward",
            "2026-03-02T13:30:00Z, America/New_York,     false, the same UTC time a week earlier is 08:30 EST",
            "2026-11-02T13:30:00Z, America/New_York,     false, Monday after DST ended: 08:30 EST",
            "2026-11-02T14:00:00Z, America/New_York,     true,  Monday after DST ended: 09:00 EST",
            "2025-09-24T03:29:00Z, Asia/Kolkata,         false, 08:59 in a half-hour zone",
            "2025-09-24T03:30:00Z, Asia/Kolkata,         true,  09:00 in a half-hour zone",
            "2025-09-25T22:00:00Z, Pacific/Auckland,     true,  Friday 10:00 in Auckland is still Thursday in UTC",
    })
    void opensInTheRecipientsLocalTime(Instant at, String zone, boolean open, String why) {
        assertEquals(open, WORKING_HOURS.isOpen(at, ZoneId.of(zone)), why);
    }

    @ParameterizedTest(name = "after {0}: {2} ({3})")
    @CsvSource({
            "2025-09-24T02:00:00Z, Asia/Shanghai,    2025-09-24T02:00:00Z, open now: now",
            "2025-09-24T00:00:00Z, Asia/Shanghai,    2025-09-24T01:00:00Z, 08:00 opens at 09:00 the same day",
            "2025-09-26T13:00:00Z, Asia/Shanghai,    2025-09-28T01:00:00Z, Friday 21:00: the make-up Sunday, not Monday",
            "2025-09-30T13:00:00Z, Asia/Shanghai,    2025-10-09T01:00:00Z, the eve of National Day: after the holiday",
            "2026-03-07T02:00:00Z, America/New_York, 2026-03-09T13:00:00Z, Friday 21:00 EST: Monday 09:00 EDT",
    })
    void findsTheNextOpening(Instant at, String zone, Instant expected, String why) {
        assertEquals(expected, WORKING_HOURS.nextOpening(at, ZoneId.of(zone)), why);
    }

    @Test
    void aMakeUpWorkdayKeepsItsOwnDayWhenTheWindowDoesNotSendOnEveryWeekday() {
        SendWindow tuesdays = SendWindow.of(Set.of(DayOfWeek.TUESDAY), LocalTime.of(9, 0), null, CN);
        SendWindow weekends = SendWindow.of(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), LocalTime.of(9, 0), null, CN);

        assertEquals(false, tuesdays.isSendingDay(LocalDate.parse("2025-09-28")));
        assertEquals(true, weekends.isSendingDay(LocalDate.parse("2025-09-28")));
        assertEquals(false, weekends.isSendingDay(LocalDate.parse("2025-10-04")), "a holiday Saturday is still a holiday");
    }

    @Test
    void aWindowUntilMidnightIncludesTheLastMinute() {
        SendWindow evenings = SendWindow.of(EnumSet.allOf(DayOfWeek.class), LocalTime.of(18, 0), null, HolidayCalendar.NONE);

        assertEquals(true, evenings.isOpen(Instant.parse("2025-09-24T15:59:00Z"), ZoneId.of("Asia/Shanghai")));
        assertEquals(false, evenings.isOpen(Instant.parse("2025-09-24T16:00:00Z"), ZoneId.of("Asia/Shanghai")));
    }

    @Test
    void anOpeningSkippedByDaylightSavingOpensRightAfterTheGap() {
        SendWindow earlyBird = SendWindow.of(EnumSet.allOf(DayOfWeek.class), LocalTime.of(2, 30), LocalTime.of(4, 0),
                HolidayCalendar.NONE);

        assertEquals(Instant.parse("2026-03-08T07:30:00Z"),
                earlyBird.nextOpening(Instant.parse("2026-03-08T06:00:00Z"), ZoneId.of("America/New_York")),
                "02:30 does not exist on Mar 8 2026 in New York; it opens at 03:30 EDT");
    }

    @Test
    void aWindowThatNeverOpensHasNoNextOpening() {
        HolidayCalendar everyDayOff = new HolidayCalendar("closed",
                LocalDate.parse("2025-01-01").datesUntil(LocalDate.parse("2027-01-01")).collect(java.util.stream.Collectors.toSet()),
                Set.of());
        SendWindow closed = SendWindow.of(WEEKDAYS, LocalTime.of(9, 0), LocalTime.of(20, 0), everyDayOff);

        assertNull(closed.nextOpening(Instant.parse("2025-06-01T00:00:00Z"), ZoneId.of("Asia/Shanghai")));
    }

    @Test
    void aWindowMustOpenBeforeItCloses() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SendWindow.of(WEEKDAYS, LocalTime.of(20, 0), LocalTime.of(9, 0), HolidayCalendar.NONE));

        assertEquals("a send window must open before it closes, within one day (20:00-09:00)", e.getMessage());
    }

    @Test
    void describesItselfForPeople() {
        assertEquals("MON,TUE,WED,THU,FRI 09:00-20:00 (cn holidays)", WORKING_HOURS.describe());
    }
}
