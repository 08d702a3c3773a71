package io.feedbackbot.core.ticket;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of a work order's history: {@code created}, {@code claimed}, {@code message}, {@code note},
 * {@code transferred}, {@code escalated}, {@code resolved}, {@code closed}, {@code follow_up}, {@code sms}.
 *
 * @param by      the user who did it, or null for the customer and the system
 * @param details what else there is to say (note text, from/to queue, escalation levels and kind…)
 */
public record TicketEvent(String type, Instant at, String by, Map<String, String> details) {

    public TicketEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
