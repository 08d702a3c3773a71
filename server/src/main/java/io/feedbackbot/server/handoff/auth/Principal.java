package io.feedbackbot.server.handoff.auth;

import io.feedbackbot.core.ticket.Ticket;
import java.util.Objects;
import java.util.Set;

/**
 * Who is calling, as every handoff endpoint sees it: a console user with a session, or a bearer token.
 *
 * @param name        the username or token name (what tickets record as assignee and author)
 * @param roles       what they may do
 * @param queues      the queues an agent works (supervisors and admins see every queue)
 * @param csrf        the session's anti-forgery token, or null for bearer tokens (which browsers never send
 *                    by themselves)
 */
public record Principal(String name, String displayName, Set<Role> roles, Set<String> queues, String csrf) {

    public Principal {
        Objects.requireNonNull(name, "name");
        roles = Set.copyOf(roles);
        queues = Set.copyOf(queues);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Supervisors and admins see every queue. */
    public boolean seesAllQueues() {
        return has(Role.SUPERVISOR) || has(Role.ADMIN);
    }

    /** Whether this caller works tickets at all. */
    public boolean handlesTickets() {
        return has(Role.AGENT) || seesAllQueues();
    }

    public boolean seesQueue(String queue) {
        return seesAllQueues() || queues.contains(queue);
    }

    /** A ticket is visible in the caller's queues or when it is assigned to them. */
    public boolean sees(Ticket ticket) {
        return handlesTickets() && (seesQueue(ticket.queue()) || name.equals(ticket.assignee()));
    }

    /** Whether the caller authenticated with a session cookie (and so must prove requests with the CSRF token). */
    public boolean bySession() {
        return csrf != null;
    }
}
