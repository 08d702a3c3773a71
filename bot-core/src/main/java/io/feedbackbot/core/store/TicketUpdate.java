package io.feedbackbot.core.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** Something the conversation reports about its work order (see {@link io.feedbackbot.core.dialog.Action.UpdateTicket}). */
public record TicketUpdate(String ticketId, String event, Map<String, String> fields, Instant at) {

    public TicketUpdate {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(at, "at");
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }
}
