package io.feedbackbot.dialogs.campaign;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * When a campaign may message a recipient, in the recipient's local time: on some days of the week, between two
 * times of day, never on a public holiday of the calendar. A make-up workday counts as a weekday when the window
 * sends on every weekday (Monday to Friday), because people work that day; otherwise it keeps its own day of week.
 * Pure: the instant and the zone are passed in.
 *
 * <p>Invariant: {@code 0 <= fromMinute < toMinute <= 1440}; the window is open from {@code fromMinute} (inclusive)
 * to {@code toMinute} (exclusive), in minutes after local midnight.
 *
 * @param days       the days of the week it may send
 * @param fromMinute opening, minutes after local midnight
 * @param toMinute   closing, minutes after local midnight (1440 = midnight at the end of the day)
 * @param calendar   public holidays and make-up workdays ({@link HolidayCalendar#NONE} for none)
 */
public record SendWindow(Set<DayOfWeek> days, int fromMinute, int toMinute, HolidayCalendar calendar) {

    /** The longest look-ahead for {@link #nextOpening}: more than a year of holidays cannot close every day. */
    static final int LOOK_AHEAD_DAYS = 400;
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    /** Every day, at any time, no holidays. */
    public static final SendWindow ALWAYS = new SendWindow(EnumSet.allOf(DayOfWeek.class), 0, 1440, HolidayCalendar.NONE);

    public SendWindow {
        Objects.requireNonNull(calendar, "calendar");
        if (days == null || days.isEmpty()) {
            throw new IllegalArgumentException("a send window needs at least one day of the week");
        }
        days = Set.copyOf(days);
        if (fromMinute < 0 || toMinute > 1440 || fromMinute >= toMinute) {
            throw new IllegalArgumentException("a send window must open before it closes, within one day ("
                    + clock(fromMinute) + "-" + clock(toMinute) + ")");
        }
    }

    /** A window from {@code from} to {@code to} ({@code null} for 24:00). */
    public static SendWindow of(Set<DayOfWeek> days, LocalTime from, LocalTime to, HolidayCalendar calendar) {
        return new SendWindow(days, minuteOf(from), to == null ? 1440 : minuteOf(to), calendar);
    }

    /** Whether a message may go out at {@code at} to a recipient living in {@code zone}. */
    public boolean isOpen(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        int minute = local.getHour() * 60 + local.getMinute();
        return isSendingDay(local.toLocalDate()) && minute >= fromMinute && minute < toMinute;
    }

    /** Whether the window opens at all on this local date. */
    public boolean isSendingDay(LocalDate date) {
        if (calendar.isHoliday(date)) {
            return false;
        }
        if (calendar.isMakeUpWorkday(date) && days.containsAll(WEEKDAYS)) {
            return true;
        }
        return days.contains(date.getDayOfWeek());
    }

    /**
     * {@code at} itself when the window is open then, else the next instant it opens for {@code zone}, or null when
     * it does not open within {@value #LOOK_AHEAD_DAYS} days. Local times that a daylight-saving change skips open
     * at the first instant after the gap.
     */
    public Instant nextOpening(Instant at, ZoneId zone) {
        if (isOpen(at, zone)) {
            return at;
        }
        LocalDate today = at.atZone(zone).toLocalDate();
        for (int d = 0; d <= LOOK_AHEAD_DAYS; d++) {
            LocalDate date = today.plusDays(d);
            if (!isSendingDay(date)) {
                continue;
            }
            Instant opening = ZonedDateTime.of(date, LocalTime.MIN.plusMinutes(fromMinute), zone).toInstant();
            if (opening.isAfter(at)) {
                return opening;
            }
        }
        return null;
    }

    /** {@code MON-FRI 09:00-20:00 (cn)}, for people. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        for (DayOfWeek day : DayOfWeek.values()) {
            if (days.contains(day)) {
                out.append(out.length() == 0 ? "" : ",").append(day.name(), 0, 3);
            }
        }
        out.append(' ').append(clock(fromMinute)).append('-').append(clock(toMinute));
        if (!calendar.name().isEmpty()) {
            out.append(" (").append(calendar.name()).append(" holidays)");
        }
        return out.toString();
    }

    private static int minuteOf(LocalTime time) {
        return time.getHour() * 60 + time.getMinute();
    }

    private static String clock(int minute) {
        return String.format("%02d:%02d", minute / 60, minute % 60);
    }
}
