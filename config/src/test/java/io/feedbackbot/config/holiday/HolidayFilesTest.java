package io.feedbackbot.config.holiday;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feedbackbot.config.ConfigException;
import io.feedbackbot.dialogs.campaign.HolidayCalendar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HolidayFilesTest {

    @TempDir
    Path dir;

    @Test
    void theShippedChinaCalendarCoversTwoYearsOfHolidaysAndMakeUpWorkdays() {
        HolidayCalendar cn = new HolidayFiles().load(dir.resolve("missing")).get("cn");

        assertTrue(cn.isHoliday(LocalDate.parse("2025-01-28")), "Spring Festival Eve 2025 is a day off");
        assertTrue(cn.isHoliday(LocalDate.parse("2025-10-08")));
        assertTrue(cn.isMakeUpWorkday(LocalDate.parse("2025-09-28")));
        assertTrue(cn.isHoliday(LocalDate.parse("2026-02-23")));
        assertTrue(cn.isMakeUpWorkday(LocalDate.parse("2026-02-28")));
        assertTrue(cn.isHoliday(LocalDate.parse("2026-10-07")));
        assertFalse(cn.isHoliday(LocalDate.parse("2026-10-08")));
        assertEquals(28 + 33, cn.holidays().size(), "2025: 1+8+3+5+3+8 days off; 2026: 3+9+3+5+3+3+7");
        assertEquals(5 + 6, cn.workdays().size());
    }

    @Test
    void filesOfOneCalendarAreMerged() throws IOException {
        write("a.yaml", "calendar: demo\nyear: 2030\nholidays:\n  - {name: one, from: 2030-01-01, to: 2030-01-02}\n");
        write("b.yaml", "calendar: demo\nyear: 2031\nholidays:\n  - {name: two, from: 2031-01-01, to: 2031-01-01, "
                + "workdays: [2031-01-04]}\n");

        Map<String, HolidayCalendar> calendars = new HolidayFiles().load(dir);

        assertEquals(3, calendars.get("demo").holidays().size());
        assertTrue(calendars.get("demo").isMakeUpWorkday(LocalDate.parse("2031-01-04")));
    }

    @Test
    void aBadDateNamesTheFileAndTheKey() throws IOException {
        write("bad.yaml", "calendar: cn\nyear: 2030\nholidays:\n  - {name: x, from: 2030-02-30, to: 2030-03-01}\n");

        ConfigException e = assertThrows(ConfigException.class, () -> new HolidayFiles().load(dir));

        assertEquals(dir.resolve("bad.yaml") + ": key 'holidays[0].from' must be a date like 2026-10-01, not '2030-02-30'",
                e.getMessage());
    }

    @Test
    void aDayCannotBeBothOffAndWorked() throws IOException {
        write("both.yaml", "calendar: cn\nyear: 2030\nholidays:\n  - {name: x, from: 2030-01-01, to: 2030-01-03, "
                + "workdays: [2030-01-02]}\n");

        ConfigException e = assertThrows(ConfigException.class, () -> new HolidayFiles().load(dir));

        assertEquals(dir.resolve("both.yaml") + ": calendar 'cn': 2030-01-02 is both a holiday and a make-up workday",
                e.getMessage());
    }

    private void write(String name, String yaml) throws IOException {
        Files.writeString(dir.resolve(name), yaml);
    }
}
