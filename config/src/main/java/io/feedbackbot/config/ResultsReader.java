package io.feedbackbot.config;

import io.feedbackbot.config.yaml.YamlSection;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads {@code reports} and {@code integrations.webhooks}, checking every key. */
final class ResultsReader {

    private ResultsReader() {
    }

    static ReportsSettings reports(YamlSection s) {
        ReportsSettings d = ReportsSettings.defaults();
        ZoneId zone = s.parsed("timeZone", d.timeZone(), text -> {
            try {
                return ZoneId.of(text);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("must be a time zone such as Asia/Shanghai or UTC, not '" + text + "'");
            }
        });
        int minAnswers = s.integer("minAnswers", d.minAnswers(), 1, 1_000_000);
        List<String> attributes = s.strings("attributes", List.of());
        for (String a : attributes) {
            if (!a.matches("[A-Za-z0-9_.-]{1,40}") || List.of("all", "channel", "campaign", "area").contains(a)) {
                throw s.fail("attributes", "'" + a + "' is not a usable attribute name (letters, digits, _ . -; "
                        + "not all, channel, campaign or area)");
            }
        }
        int kept = s.integer("lowTextsKept", d.lowTextsKept(), 100, 10_000_000);
        s.finish();
        return new ReportsSettings(zone, minAnswers, attributes, kept);
    }

    static List<WebhookSettings> webhooks(YamlSection integrations) {
        List<WebhookSettings> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlSection w : integrations.sections("webhooks")) {
            String name = w.requiredString("name");
            if (!name.matches("[a-z0-9][a-z0-9-]{0,39}") || !names.add(name)) {
                throw w.fail("name", "must be unique, lower-case letters, digits and dashes, not '" + name + "'");
            }
            String url = w.requiredString("url");
            if (!url.matches("https?://.+")) {
                throw w.fail("url", "must start with http:// or https://");
            }
            String secret = w.requiredString("secret");
            if (secret.length() < 16) {
                throw w.fail("secret", "must be at least 16 characters (use ${ENV_VAR} to keep it out of the file)");
            }
            Set<String> events = new LinkedHashSet<>(w.strings("events", List.of("answer", "ticket")));
            if (events.isEmpty() || !WebhookSettings.EVENT_TYPES.containsAll(events)) {
                throw w.fail("events", "must list answer and/or ticket, not " + events);
            }
            int attempts = w.integer("maxAttempts", 12, 1, 100);
            Duration initial = w.duration("initialBackoff", Duration.ofSeconds(1));
            Duration max = w.duration("maxBackoff", Duration.ofMinutes(10));
            Duration timeout = w.duration("timeout", Duration.ofSeconds(10));
            if (initial.isZero() || initial.isNegative() || max.compareTo(initial) < 0) {
                throw w.fail("maxBackoff", "must be at least initialBackoff, both positive");
            }
            w.finish();
            out.add(new WebhookSettings(name, url, secret, events, attempts, initial, max, timeout));
        }
        integrations.finish();
        return out;
    }
}
