package io.feedbackbot.server.handoff.ticket;

import io.feedbackbot.core.dialog.DialogInput;
import io.feedbackbot.core.engine.ConversationEngine;
import io.feedbackbot.core.outbound.DeliveryOutcome;
import io.feedbackbot.core.ticket.ChangeResult;
import io.feedbackbot.core.ticket.Deadlines;
import io.feedbackbot.core.ticket.Ticket;
import io.feedbackbot.core.ticket.TicketChange;
import io.feedbackbot.core.ticket.TicketEvent;
import io.feedbackbot.core.ticket.TicketStatus;
import io.feedbackbot.core.ticket.TicketStore;
import io.feedbackbot.server.handoff.live.LiveTickets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What people and the conversation do to work orders, and what follows in the conversation: a claim makes the bot
 * fall silent and tells the customer someone joined; a resolve hands the customer back to the bot, which asks the
 * follow-up; a close without contact ends the hand-off silently. Every applied change is announced to the consoles.
 * Store calls run on the blocking executor; results come back as futures.
 */
public final class TicketService {

    private static final Logger log = LoggerFactory.getLogger(TicketService.class);

    private final TicketStore store;
    private final Deadlines deadlines;
    private final ConversationEngine engine;
    private final LiveTickets live;
    private final Clock clock;
    private final Executor blocking;

    public TicketService(TicketStore store, Deadlines deadlines, ConversationEngine engine, LiveTickets live,
                         Clock clock, Executor blocking) {
        this.store = store;
        this.deadlines = deadlines;
        this.engine = engine;
        this.live = live;
        this.clock = clock;
        this.blocking = blocking;
    }

    /** A change's result and, when the conversation was told, how its messages went. */
    public record Acted(ChangeResult result, List<DeliveryOutcome> outcomes) {
    }

    public CompletableFuture<Optional<Ticket>> find(String id) {
        return CompletableFuture.supplyAsync(() -> store.find(id), blocking);
    }

    /** Stores a ticket from the outbox once; announces it when it is new. */
    public boolean create(Ticket ticket) {
        boolean fresh = store.create(ticket, new TicketEvent("created", ticket.times().createdAt(), null,
                Map.of("queue", ticket.queue(), "reason", ticket.origin().reason())));
        if (fresh) {
            live.changed("created", ticket, null);
            log.info("ticket {} opened for {} in queue {} ({}, {})", ticket.id(), ticket.conversation(),
                    ticket.queue(), ticket.origin().reason(), ticket.origin().priority());
        }
        return fresh;
    }

    public CompletableFuture<Acted> claim(String id, String agent) {
        Instant now = clock.instant();
        return change(id, new TicketChange.Claim(agent, now), "claimed", null)
                .thenCompose(result -> tell(result, t -> new DialogInput.AgentJoined(t.id(), agent, now)));
    }

    public CompletableFuture<Acted> transfer(Ticket current, String by, String toQueue, String toAgent, String note) {
        Instant now = clock.instant();
        TicketChange.Transfer transfer = new TicketChange.Transfer(by, toQueue, toAgent,
                deadlines.claimDueFrom(current, now), note, now);
        return change(current.id(), transfer, "transferred", current.queue()).thenApply(r -> new Acted(r, List.of()));
    }

    public CompletableFuture<Acted> note(String id, String by, String text) {
        return change(id, new TicketChange.AddNote(by, text, clock.instant()), "note", null)
                .thenApply(r -> new Acted(r, List.of()));
    }

    /** Records an agent's message (and how it went) in the ticket's history. */
    public CompletableFuture<ChangeResult> logMessage(String id, String by, String type, Map<String, String> details) {
        return change(id, new TicketChange.LogMessage(by, type, details, clock.instant()), "message", null);
    }

    /**
     * Resolves a claimed ticket; the bot then asks the customer whether the problem was solved.
     *
     * @param expectedAssignee the agent who must still have it, or null (a supervisor resolving anyone's ticket)
     */
    public CompletableFuture<Acted> resolve(String id, String by, String expectedAssignee, String note, Boolean complaint) {
        Instant now = clock.instant();
        return change(id, new TicketChange.Resolve(by, expectedAssignee, note, complaint, now), "resolved", null)
                .thenCompose(result -> tell(result, t -> new DialogInput.TicketEnded(t.id(), t.assignee(), now)));
    }

    /** Closes an open ticket without contact; the conversation's hand-off ends silently. */
    public CompletableFuture<Acted> close(String id, String by, String note) {
        Instant now = clock.instant();
        return change(id, new TicketChange.Close(by, "no_contact", note, Set.of(TicketStatus.OPEN), now), "closed", null)
                .thenCompose(result -> tell(result, t -> new DialogInput.TicketEnded(t.id(), null, now)));
    }

    /** The customer left the queue (from the outbox); false when there is no such ticket (yet). */
    public boolean customerLeft(String id, Instant at) {
        ChangeResult r = store.apply(id, new TicketChange.Close(null, "customer_left", null,
                Set.of(TicketStatus.OPEN, TicketStatus.CLAIMED), at));
        announce(r, "closed", null);
        return !(r instanceof ChangeResult.Missing);
    }

    /**
     * More evidence for an open or claimed ticket (from the outbox): merged into what it has, phrases appended, the
     * complaint category taken when the new evidence names one. False when there is no such ticket (yet).
     */
    public boolean addEvidence(String id, Map<String, String> fields, Instant at) {
        Optional<Ticket> current = store.find(id);
        if (current.isEmpty()) {
            return false;
        }
        Map<String, String> merged = new LinkedHashMap<>(current.get().origin().evidence());
        fields.forEach((k, v) -> merged.merge(k, v, (old, added) -> k.equals("phrases") && !old.contains(added)
                ? old + " | " + added : added));
        String category = "complaint".equals(fields.get("reason")) || "urgent_words".equals(fields.get("reason"))
                ? fields.get("category") : null;
        announce(store.apply(id, new TicketChange.AddEvidence(merged, category, at)), "evidence", null);
        return true;
    }

    /** The customer answered the follow-up (from the outbox); false when there is no such ticket (yet). */
    public boolean followUp(String id, Map<String, String> fields, Instant at) {
        for (Map.Entry<String, String> answer : fields.entrySet()) {
            ChangeResult r = store.apply(id, new TicketChange.RecordFollowUp(answer.getKey(), answer.getValue(), at));
            if (r instanceof ChangeResult.Missing) {
                return false;
            }
            announce(r, "follow_up", null);
            if (r instanceof ChangeResult.Applied a) {
                log.info("ticket {} follow-up {}={} (agent {})", id, answer.getKey(), answer.getValue(),
                        a.ticket().assignee());
            }
        }
        return true;
    }

    private CompletableFuture<ChangeResult> change(String id, TicketChange change, String event, String previousQueue) {
        return CompletableFuture.supplyAsync(() -> {
            ChangeResult result = store.apply(id, change);
            announce(result, event, previousQueue);
            return result;
        }, blocking);
    }

    private void announce(ChangeResult result, String event, String previousQueue) {
        if (result instanceof ChangeResult.Applied applied) {
            live.changed(event, applied.ticket(), previousQueue);
        }
    }

    /** Hands the conversation the input that follows an applied change; a failure is reported, not thrown. */
    private CompletableFuture<Acted> tell(ChangeResult result, java.util.function.Function<Ticket, DialogInput> input) {
        if (!(result instanceof ChangeResult.Applied applied)) {
            return CompletableFuture.completedFuture(new Acted(result, List.of()));
        }
        Ticket ticket = applied.ticket();
        return engine.submit(ticket.conversation(), input.apply(ticket))
                .handle((outcomes, error) -> {
                    if (error != null) {
                        log.warn("ticket {}: the conversation could not be told: {}", ticket.id(), error.toString());
                        return new Acted(result, List.of(new DeliveryOutcome.Unknown("the conversation was not updated: "
                                + error.getClass().getSimpleName())));
                    }
                    return new Acted(result, outcomes);
                });
    }
}
