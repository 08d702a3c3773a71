package io.feedbackbot.config;

import java.time.Duration;
import java.util.Set;

/**
 * One outbound webhook: events POSTed as signed JSON, at least once, retried with backoff.
 *
 * @param name           names the webhook in Redis (its consumer group), metrics and the status API
 * @param secret         the HMAC-SHA256 key of the signature header (from the environment; never logged)
 * @param events         {@code answer} and/or {@code ticket}
 * @param maxAttempts    after this many failed attempts an event goes to the webhook's dead-letter stream
 * @param initialBackoff the wait after the first failure; doubled after each further one, up to maxBackoff
 */
public record WebhookSettings(String name, String url, String secret, Set<String> events, int maxAttempts,
                              Duration initialBackoff, Duration maxBackoff, Duration timeout) {

    public static final Set<String> EVENT_TYPES = Set.of("answer", "ticket");

    public WebhookSettings {
        events = Set.copyOf(events);
    }

    @Override
    public String toString() {
        return "WebhookSettings[name=" + name + ", url=" + url + ", events=" + events + ", secret=***]";
    }
}
