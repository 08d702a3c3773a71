package io.feedbackbot.server.handoff.ticket;

import io.feedbackbot.core.store.TicketUpdate;
import io.feedbackbot.core.ticket.TicketOutbox;
import io.feedbackbot.core.ticket.TicketStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the engine's outbox into work orders, on every node: reads new entries as they are written (a blocking
 * read, so a ticket appears within a moment), takes over entries a dead node left unfinished, and marks an entry
 * done only after its effect is stored. Creating is idempotent on the ticket id, so an entry handled twice makes
 * one ticket. An update for a ticket that does not exist yet is left for a later pass, and dropped (with a warning)
 * once it is older than {@link #ORPHAN_AFTER}. Also trims the outbox and the ended tickets' index entries.
 */
public final class TicketIntake implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TicketIntake.class);
    static final Duration BLOCK = Duration.ofSeconds(1);
    static final Duration ABANDONED_AFTER = Duration.ofSeconds(30);
    static final Duration ORPHAN_AFTER = Duration.ofMinutes(10);
    static final Duration OUTBOX_KEPT = Duration.ofDays(1);

    private final TicketOutbox outbox;
    private final TicketStore store;
    private final TicketRouting routing;
    private final TicketService tickets;
    private final String consumer;
    private final Duration retention;
    private final Clock clock;
    private final Thread thread;
    private volatile boolean running = true;

    public TicketIntake(TicketOutbox outbox, TicketStore store, TicketRouting routing, TicketService tickets,
                        String consumer, Duration retention, Clock clock) {
        this.outbox = outbox;
        this.store = store;
        this.routing = routing;
        this.tickets = tickets;
        this.consumer = consumer;
        this.retention = retention;
        this.clock = clock;
        this.thread = new Thread(this::run, "ticket-intake");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        long lastSweep = 0;
        long lastTrim = 0;
        while (running) {
            try {
                List<TicketOutbox.Entry> entries = new ArrayList<>(outbox.next(consumer, BLOCK, 50));
                long now = System.nanoTime();
                if (now - lastSweep > Duration.ofSeconds(5).toNanos()) {
                    lastSweep = now;
                    entries.addAll(outbox.abandoned(consumer, ABANDONED_AFTER, 50));
                }
                entries.forEach(this::handle);
                if (now - lastTrim > Duration.ofHours(1).toNanos()) {
                    lastTrim = now;
                    outbox.trim(Instant.now().minus(OUTBOX_KEPT));
                    store.trim(clock.instant().minus(retention));
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("ticket intake failed, retrying in 1 s: {}", e.toString());
                pause();
            }
        }
    }

    /** Handles one entry; marks it done when its effect is stored (public for tests that redeliver entries). */
    public void handle(TicketOutbox.Entry entry) {
        boolean done;
        if (entry instanceof TicketOutbox.Requested requested) {
            tickets.create(routing.ticketFor(requested.request()));
            done = true;
        } else if (entry instanceof TicketOutbox.Updated updated) {
            done = update(updated.update());
            if (!done && entry.writtenAt().isBefore(Instant.now().minus(ORPHAN_AFTER))) {
                log.warn("dropping {} for ticket {}: no such ticket", updated.update().event(), updated.update().ticketId());
                done = true;
            }
        } else {
            TicketOutbox.Unreadable bad = (TicketOutbox.Unreadable) entry;
            log.warn("dropping unreadable outbox entry {} of {}: {}", bad.entryId(), bad.stream(), bad.problem());
            done = true;
        }
        if (done) {
            outbox.done(entry);
        }
    }

    private boolean update(TicketUpdate update) {
        return switch (update.event()) {
            case "customer_left" -> tickets.customerLeft(update.ticketId(), update.at());
            case "follow_up" -> tickets.followUp(update.ticketId(), update.fields(), update.at());
            case "evidence" -> tickets.addEvidence(update.ticketId(), update.fields(), update.at());
            default -> {
                log.warn("ignoring unknown ticket update '{}' for {}", update.event(), update.ticketId());
                yield true;
            }
        };
    }

    private static void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(3_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
