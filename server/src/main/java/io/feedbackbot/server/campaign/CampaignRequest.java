package io.feedbackbot.server.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackbot.config.CampaignSettings;
import io.feedbackbot.config.yaml.Durations;
import io.feedbackbot.core.conversation.Language;
import io.feedbackbot.server.http.HttpError;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * Reads a campaign from the create request's JSON, filling defaults and refusing what cannot run with a 400 (or
 * 404 for an unknown survey or account) whose reason names the field. See the README for the shape.
 */
public final class CampaignRequest {

    static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    private final CampaignSettings settings;
    private final Duration conversationRetention;
    private final Predicate<String> surveyExists;
    private final BiPredicate<String, String> accountExists;
    private final Predicate<String> calendarExists;

    public CampaignRequest(CampaignSettings settings, Duration conversationRetention, Predicate<String> surveyExists,
                           BiPredicate<String, String> accountExists, Predicate<String> calendarExists) {
        this.settings = settings;
        this.conversationRetention = conversationRetention;
        this.surveyExists = surveyExists;
        this.accountExists = accountExists;
        this.calendarExists = calendarExists;
    }

    public CampaignDefinition read(JsonNode body, String id, Instant at) {
        Instant now = at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String survey = required(body, "survey");
        if (!surveyExists.test(survey)) {
            throw HttpError.notFound("unknown survey '" + survey + "'");
        }
        String channel = required(body, "channel");
        String account = required(body, "account");
        if (!accountExists.test(channel, account)) {
            throw HttpError.notFound("unknown account '" + account + "' on channel '" + channel + "'");
        }
        String name = text(body, "name", "Campaign " + id);
        if (name.length() > 200) {
            throw HttpError.badRequest("name is longer than 200 characters");
        }
        Instant start = instant(body, "start", now);
        Instant end = instant(body, "end", start.plus(Duration.ofDays(7)));
        if (!end.isAfter(start)) {
            throw HttpError.badRequest("end must be after start");
        }
        JsonNode window = body.path("window");
        Set<DayOfWeek> days = days(window.path("days"));
        int from = minute(text(window, "from", "09:00"), "window.from");
        int to = minute(text(window, "to", "20:00"), "window.to");
        if (from >= to) {
            throw HttpError.badRequest("window.from must be before window.to (one day: 00:00 to 24:00)");
        }
        ZoneId zone = zone(text(window, "timezone", "Asia/Shanghai"));
        String holidays = text(window, "holidays", null);
        if (holidays != null && !calendarExists.test(holidays)) {
            throw HttpError.badRequest("window.holidays: no holiday calendar named '" + holidays + "'");
        }
        double perSecond = pacing(body.path("pacing"), channel);
        JsonNode reminders = body.path("reminders");
        Duration reminderAfter = reminders.isObject() ? positive(reminders, "after") : null;
        int maxReminders = reminders.isObject() ? reminders.path("max").asInt(1) : 0;
        if (maxReminders < 0 || maxReminders > 10) {
            throw HttpError.badRequest("reminders.max must be from 0 to 10");
        }
        Duration expires = body.hasNonNull("expiresAfter") ? positive(body, "expiresAfter") : null;
        Duration fatigue = fatigue(body);
        String language = null;
        if (body.hasNonNull("language")) {
            language = Language.fromTag(body.get("language").asText()).map(Language::tag)
                    .orElseThrow(() -> HttpError.badRequest("language must be zh-CN or en"));
        }
        return new CampaignDefinition(id, name, survey, channel, account, start, end, days, from, to, zone, holidays,
                perSecond, reminderAfter, maxReminders, expires, fatigue, language, now);
    }

    private double pacing(JsonNode pacing, String channel) {
        if (pacing.isMissingNode() || pacing.isNull()) {
            return settings.defaultPace(channel);
        }
        if (pacing.isTextual() && pacing.asText().equalsIgnoreCase("off")) {
            return 0;
        }
        JsonNode rate = pacing.path("perSecond");
        if (!rate.isNumber() || rate.asDouble() < 0 || rate.asDouble() > 100_000) {
            throw HttpError.badRequest("pacing must be \"off\" or {\"perSecond\": a number from 0 to 100000}");
        }
        return rate.asDouble();
    }

    private Duration fatigue(JsonNode body) {
        if (!body.has("fatigue")) {
            return settings.fatigueWindow();
        }
        if (body.get("fatigue").isNull() || body.get("fatigue").asText().equalsIgnoreCase("off")) {
            return null;
        }
        Duration fatigue = positive(body, "fatigue");
        if (fatigue.compareTo(conversationRetention) > 0) {
            throw HttpError.badRequest("fatigue (" + CampaignJson.duration(fatigue) + ") must not be longer than "
                    + "redis.conversationRetention (" + CampaignJson.duration(conversationRetention) + "), which is "
                    + "how long a conversation remembers its invitations");
        }
        return fatigue;
    }

    private static Set<DayOfWeek> days(JsonNode days) {
        if (days.isMissingNode() || days.isNull()) {
            return WEEKDAYS;
        }
        if (days.isTextual()) {
            return switch (days.asText().toLowerCase(Locale.ROOT)) {
                case "weekdays" -> WEEKDAYS;
                case "everyday", "every day", "all" -> EnumSet.allOf(DayOfWeek.class);
                default -> throw HttpError.badRequest("window.days must be weekdays, everyday or a list like "
                        + "[\"MON\", \"TUE\"]");
            };
        }
        Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        days.forEach(d -> out.add(day(d.asText())));
        if (out.isEmpty()) {
            throw HttpError.badRequest("window.days names no day");
        }
        return out;
    }

    static DayOfWeek day(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (t.length() >= 3 && d.name().startsWith(t)) {
                return d;
            }
        }
        throw HttpError.badRequest("'" + text + "' is not a day of the week (MON, TUE, … SUN)");
    }

    private static int minute(String clock, String field) {
        if (!clock.matches("([01]?\\d|2[0-3]):[0-5]\\d|24:00")) {
            throw HttpError.badRequest(field + " must be a time of day like 09:00 (24:00 for midnight at the end)");
        }
        return CampaignJson.minute(clock);
    }

    static ZoneId zone(String name) {
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            throw HttpError.badRequest("window.timezone '" + name + "' is not a time zone (use an IANA name such as "
                    + "Asia/Shanghai)");
        }
    }

    private static Instant instant(JsonNode body, String field, Instant fallback) {
        String text = text(body, field, null);
        if (text == null) {
            return fallback;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            throw HttpError.badRequest(field + " must be a date and time with an offset, like "
                    + "2026-05-06T09:00:00+08:00");
        }
    }

    private static Duration positive(JsonNode node, String field) {
        Duration d = duration(text(node, field, ""));
        if (d.isNegative() || d.isZero()) {
            throw HttpError.badRequest(field + " must be longer than zero");
        }
        return d;
    }

    static Duration duration(String text) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(e.getMessage());
        }
    }

    private static String required(JsonNode body, String field) {
        String value = text(body, field, null);
        if (value == null || value.isBlank()) {
            throw HttpError.badRequest("'" + field + "' is required");
        }
        return value;
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? fallback : value.asText();
    }
}
