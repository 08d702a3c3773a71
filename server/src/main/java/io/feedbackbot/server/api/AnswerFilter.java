package io.feedbackbot.server.api;

import io.feedbackbot.core.answer.AnswerRecord;
import io.feedbackbot.server.http.HttpError;
import io.feedbackbot.server.http.Request;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which answers a drill-down or an export wants: answered within {@code from}–{@code to} (days in the reporting
 * time zone, both included), and matching {@code question}, {@code channel}, {@code campaign}, {@code status} and
 * invitation attributes ({@code store}, {@code touchpoint}, {@code agent}, or any {@code context.<key>}).
 * No parameters: every answer.
 */
public record AnswerFilter(Instant from, Instant to, Map<String, String> fields, Map<String, String> context) {

    /** Answers are stored as they are answered; this margin covers clocks that disagree a little. */
    static final Duration MARGIN = Duration.ofMinutes(5);

    public AnswerFilter {
        fields = Map.copyOf(fields);
        context = Map.copyOf(context);
    }

    public static AnswerFilter of(Request r, ZoneId zone) {
        Instant from = r.queryParam("from").filter(s -> !s.isBlank()).map(s -> date("from", s).atStartOfDay(zone)
                .toInstant()).orElse(null);
        Instant to = r.queryParam("to").filter(s -> !s.isBlank()).map(s -> date("to", s).plusDays(1).atStartOfDay(zone)
                .toInstant()).orElse(null);
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : new String[] {"question", "channel", "campaign", "status"}) {
            r.queryParam(name).filter(s -> !s.isBlank()).ifPresent(v -> fields.put(name, v));
        }
        Map<String, String> context = new LinkedHashMap<>();
        for (String name : new String[] {"store", "touchpoint", "agent"}) {
            r.queryParam(name).filter(s -> !s.isBlank()).ifPresent(v -> context.put(name, v));
        }
        r.query().forEach((name, values) -> {
            if (name.startsWith("context.") && name.length() > 8 && !values.isEmpty()) {
                context.put(name.substring(8), values.get(0));
            }
        });
        return new AnswerFilter(from, to, fields, context);
    }

    public boolean isEmpty() {
        return from == null && to == null && fields.isEmpty() && context.isEmpty();
    }

    public boolean test(AnswerRecord a) {
        if ((from != null && a.answeredAt().isBefore(from)) || (to != null && !a.answeredAt().isBefore(to))) {
            return false;
        }
        for (Map.Entry<String, String> f : fields.entrySet()) {
            String actual = switch (f.getKey()) {
                case "question" -> a.questionId();
                case "channel" -> a.key().channel();
                case "campaign" -> a.campaignId();
                default -> a.status().name().toLowerCase(java.util.Locale.ROOT);
            };
            if (!f.getValue().equals(actual)) {
                return false;
            }
        }
        for (Map.Entry<String, String> c : context.entrySet()) {
            if (!c.getValue().equals(Objects.requireNonNullElse(a.context().get(c.getKey()), ""))) {
                return false;
            }
        }
        return true;
    }

    /** The stream cursor to start from: just before {@code from} (less the margin), or null for the beginning. */
    public String startCursor() {
        return from == null ? null : (from.minus(MARGIN).toEpochMilli() - 1) + "-18446744073709551615";
    }

    /** Whether an answer is so far past {@code to} that no later one can be in range. */
    public boolean pastEnd(AnswerRecord a) {
        return to != null && a.answeredAt().isAfter(to.plus(MARGIN));
    }

    private static LocalDate date(String name, String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw HttpError.badRequest(name + " must be a date like 2025-03-31, not '" + text + "'");
        }
    }
}
