package io.feedbackbot.server.handoff.ticket;

import io.feedbackbot.config.OrgSettings;
import io.feedbackbot.core.store.TicketRequest;
import io.feedbackbot.core.ticket.Deadlines;
import io.feedbackbot.core.ticket.Ticket;
import io.feedbackbot.core.ticket.TicketOrigin;
import io.feedbackbot.core.ticket.TicketStatus;

/**
 * Turns the engine's hand-off request into a work order: the store named by the invitation's context decides the
 * queue (that store's team) and the area above it; without a configured store the ticket goes to the default
 * queue and, having no area, escalates from the store level straight to the head office. Deadlines run from the
 * moment the conversation asked for a person.
 */
public final class TicketRouting {

    private final OrgSettings org;
    private final String defaultQueue;
    private final Deadlines deadlines;

    public TicketRouting(OrgSettings org, String defaultQueue, Deadlines deadlines) {
        this.org = org;
        this.defaultQueue = defaultQueue;
        this.deadlines = deadlines;
    }

    public Ticket ticketFor(TicketRequest request) {
        String store = blank(request.context().get("store"));
        var configured = store == null ? java.util.Optional.<OrgSettings.Store>empty() : org.store(store);
        String queue = configured.map(OrgSettings.Store::queue).orElse(defaultQueue);
        String area = configured.flatMap(s -> org.areaOf(s.id())).map(OrgSettings.Area::id).orElse(null);
        TicketOrigin origin = new TicketOrigin(request.reason(), request.priority(),
                blank(request.evidence().get("category")), request.evidence(), request.surveyId(),
                request.invitationId(), request.context(), request.answers(), store, area,
                blank(request.context().get("touchpoint")));
        return new Ticket(request.ticketId(), request.key(), origin, queue, null, TicketStatus.OPEN, Ticket.STORE,
                deadlines.initial(request.priority(), request.at()), null, null, 1);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
