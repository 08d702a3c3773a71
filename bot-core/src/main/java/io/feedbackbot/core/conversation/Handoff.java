package io.feedbackbot.core.conversation;

import java.time.Instant;
import java.util.Objects;

/**
 * A conversation's hand-off to a person: requested by the customer or opened by escalation, waiting for an agent
 * or with one. While an agent has the conversation, the bot stays silent.
 *
 * @param reason      why (for example {@code customer_request}, {@code detractor}, {@code complaint})
 * @param ticketId    the work order that tracks it
 * @param requestedAt when it was requested
 * @param agent       the agent who took it, or null while it waits
 * @param noticeAt    when to tell a waiting customer honestly that nobody has picked it up yet, or null once told
 * @param repliedAt   when the bot last told the waiting customer their message was received, or null
 */
public record Handoff(String reason, String ticketId, Instant requestedAt, String agent, Instant noticeAt,
                      Instant repliedAt) {

    public Handoff {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }

    /** A new hand-off waiting for an agent. */
    public static Handoff waiting(String reason, String ticketId, Instant at, Instant noticeAt) {
        return new Handoff(reason, ticketId, at, null, noticeAt, null);
    }

    public boolean withAgent() {
        return agent != null;
    }

    public Handoff joinedBy(String agentId) {
        return new Handoff(reason, ticketId, requestedAt, agentId, null, repliedAt);
    }

    public Handoff noticeSent() {
        return new Handoff(reason, ticketId, requestedAt, agent, null, repliedAt);
    }

    public Handoff repliedAt(Instant at) {
        return new Handoff(reason, ticketId, requestedAt, agent, noticeAt, at);
    }
}
