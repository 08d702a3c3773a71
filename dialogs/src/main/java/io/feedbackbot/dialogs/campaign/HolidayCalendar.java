package io.feedbackbot.dialogs.campaign;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A public-holiday calendar (China's 法定节假日 and 调休): the dates that are days off although they may fall on a
 * weekday, and the make-up workdays that are worked although they fall on a weekend. Dates outside the calendar's
 * files are ordinary days.
 *
 * <p>Invariant: no date is both a holiday and a make-up workday.
 *
 * @param name     the calendar's name as campaigns refer to it ({@code cn}), or empty for {@link #NONE}
 * @param holidays days off
 * @param workdays make-up workdays
 */
public record HolidayCalendar(String name, Set<LocalDate> holidays, Set<LocalDate> workdays) {

    /** No holidays at all. */
    public static final HolidayCalendar NONE = new HolidayCalendar("", Set.of(), Set.of());

    public HolidayCalendar {
        Objects.requireNonNull(name, "name");
        holidays = Set.copyOf(holidays);
        workdays = Set.copyOf(workdays);
        Set<LocalDate> both = new TreeSet<>(holidays);
        both.retainAll(workdays);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("calendar '" + name + "': " + both.iterator().next()
                    + " is both a holiday and a make-up workday");
        }
    }

    public boolean isHoliday(LocalDate date) {
        return holidays.contains(date);
    }

    public boolean isMakeUpWorkday(LocalDate date) {
        return workdays.contains(date);
    }

    /** This calendar with another one's dates added (two files of one calendar, one per year). */
    public HolidayCalendar plus(HolidayCalendar other) {
        Set<LocalDate> h = new HashSet<>(holidays);
        h.addAll(other.holidays);
        Set<LocalDate> w = new HashSet<>(workdays);
        w.addAll(other.workdays);
        return new HolidayCalendar(name.isEmpty() ? other.name : name, h, w);
    }

    @Override
    public String toString() {
        return "HolidayCalendar[" + name + ", " + holidays.size() + " holidays, " + workdays.size() + " make-up workdays]";
    }
}
