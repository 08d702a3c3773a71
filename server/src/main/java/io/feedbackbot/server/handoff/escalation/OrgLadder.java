package io.feedbackbot.server.handoff.escalation;

import io.feedbackbot.config.OrgSettings;
import io.feedbackbot.core.ticket.Ticket;
import java.util.Optional;

/**
 * Who is responsible for a ticket at each level: its store, the store's area, the head office; each with the
 * target its escalations are sent to.
 */
public final class OrgLadder {

    private final OrgSettings org;

    public OrgLadder(OrgSettings org) {
        this.org = org;
    }

    /** The unit at {@code level} for this ticket, if the organisation has one there. */
    public Optional<Unit> at(Ticket ticket, int level) {
        return switch (level) {
            case Ticket.STORE -> Optional.ofNullable(ticket.origin().store()).flatMap(org::store)
                    .map(s -> new Unit(s.id(), s.name(), s.target()));
            case Ticket.AREA -> Optional.ofNullable(ticket.origin().area()).flatMap(org::area)
                    .map(a -> new Unit(a.id(), a.name(), a.target()));
            default -> Optional.of(new Unit(org.headOffice().id(), org.headOffice().name(), org.headOffice().target()));
        };
    }

    /** A unit of the organisation and where it hears about escalations. */
    public record Unit(String id, String name, OrgSettings.NotifyTarget target) {
    }
}
