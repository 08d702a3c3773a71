package io.feedbackbot.server.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackbot.server.http.Responses;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The JSON shape of a campaign definition: how it is stored in Redis and shown by the API (the same shape the
 * create request accepts). Durations are written like {@code 72h}, times of day like {@code 09:00}.
 */
public final class CampaignJson {

    private CampaignJson() {
    }

    public static Map<String, Object> of(CampaignDefinition d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", d.id());
        out.put("name", d.name());
        out.put("survey", d.surveyId());
        out.put("channel", d.channel());
        out.put("account", d.account());
        out.put("start", d.start().toString());
        out.put("end", d.end().toString());
        Map<String, Object> window = new LinkedHashMap<>();
        window.put("days", d.days().stream().sorted().map(day -> day.name().substring(0, 3)).toList());
        window.put("from", clock(d.fromMinute()));
        window.put("to", clock(d.toMinute()));
        window.put("timezone", d.zone().getId());
        window.put("holidays", d.holidays());
        out.put("window", window);
        out.put("pacing", d.paced() ? Map.of("perSecond", d.perSecond()) : "off");
        Map<String, Object> reminders = new LinkedHashMap<>();
        if (d.reminderAfter() != null) {
            reminders.put("after", duration(d.reminderAfter()));
            reminders.put("max", d.maxReminders());
        }
        out.put("reminders", reminders.isEmpty() ? null : reminders);
        out.put("expiresAfter", d.expiresAfter() == null ? null : duration(d.expiresAfter()));
        out.put("fatigue", d.fatigue() == null ? null : duration(d.fatigue()));
        out.put("language", d.language());
        out.put("createdAt", d.createdAt().toString());
        return out;
    }

    public static String write(CampaignDefinition d) {
        try {
            return Responses.JSON.writeValueAsString(of(d));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a stored definition (written by {@link #write}). */
    public static CampaignDefinition read(String json) {
        try {
            JsonNode n = Responses.JSON.readTree(json);
            JsonNode w = n.path("window");
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            w.path("days").forEach(day -> days.add(CampaignRequest.day(day.asText())));
            JsonNode reminders = n.path("reminders");
            JsonNode pacing = n.path("pacing");
            return new CampaignDefinition(n.path("id").asText(), n.path("name").asText(), n.path("survey").asText(),
                    n.path("channel").asText(), n.path("account").asText(), Instant.parse(n.path("start").asText()),
                    Instant.parse(n.path("end").asText()), days, minute(w.path("from").asText()),
                    minute(w.path("to").asText()), ZoneId.of(w.path("timezone").asText()), text(w.path("holidays")),
                    pacing.isObject() ? pacing.path("perSecond").asDouble() : 0,
                    reminders.isObject() ? CampaignRequest.duration(reminders.path("after").asText()) : null,
                    reminders.path("max").asInt(0), optionalDuration(n.path("expiresAfter")),
                    optionalDuration(n.path("fatigue")), text(n.path("language")),
                    Instant.parse(n.path("createdAt").asText()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored campaign definition is not valid JSON", e);
        }
    }

    static String clock(int minute) {
        return String.format("%02d:%02d", minute / 60, minute % 60);
    }

    static int minute(String clock) {
        String[] parts = clock.split(":");
        return Integer.parseInt(parts[0]) * 60 + Integer.parseInt(parts[1]);
    }

    static String duration(Duration d) {
        long s = d.toSeconds();
        if (s % 86_400 == 0 && s >= 7 * 86_400) {
            return s / 86_400 + "d";
        }
        if (s % 3_600 == 0) {
            return s / 3_600 + "h";
        }
        if (s % 60 == 0) {
            return s / 60 + "m";
        }
        return s + "s";
    }

    private static Duration optionalDuration(JsonNode node) {
        String text = text(node);
        return text == null ? null : CampaignRequest.duration(text);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asText();
    }
}
