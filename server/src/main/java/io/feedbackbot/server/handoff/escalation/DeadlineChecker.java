package io.feedbackbot.server.handoff.escalation;

import io.feedbackbot.core.ticket.ChangeResult;
import io.feedbackbot.core.ticket.Deadlines;
import io.feedbackbot.core.ticket.Ticket;
import io.feedbackbot.core.ticket.TicketChange;
import io.feedbackbot.core.ticket.TicketStore;
import io.feedbackbot.redis.RedisKeys;
import io.feedbackbot.redis.lock.RedisLock;
import io.feedbackbot.server.handoff.live.LiveTickets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;

/**
 * Escalates work orders whose deadline passed, on whichever node holds a short Redis lease: every node tries every
 * few seconds; the holder reads the deadline index, escalates each due ticket one level with compare-and-set on
 * (status, level, due time) so a level fires once even if two holders overlap, records it in the ticket's history,
 * announces it to the consoles, and sends the level's notices. Deadlines live in Redis, so they survive restarts.
 */
public final class DeadlineChecker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeadlineChecker.class);
    static final Duration LEASE = Duration.ofSeconds(30);

    private final TicketStore store;
    private final Deadlines deadlines;
    private final LiveTickets live;
    private final EscalationNotices notices;
    private final RedisLock locks;
    private final String lockKey;
    private final String owner;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "deadline-checker");
        t.setDaemon(true);
        return t;
    });

    public DeadlineChecker(UnifiedJedis redis, RedisKeys keys, TicketStore store, Deadlines deadlines, LiveTickets live,
                           OrgLadder ladder, okhttp3.OkHttpClient http, String publicUrl, String owner, Clock clock) {
        this.store = store;
        this.deadlines = deadlines;
        this.live = live;
        this.locks = new RedisLock(redis);
        this.lockKey = keys.global("{tickets}:deadline-lock");
        this.owner = owner;
        this.clock = clock;
        this.notices = new EscalationNotices(new NoticeQueue(redis, keys, locks, owner), store, ladder, http,
                publicUrl, clock);
    }

    /** Checks every {@code every} from now on. */
    public void start(Duration every) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                runOnce();
            } catch (RuntimeException e) {
                log.warn("deadline check failed: {}", e.toString());
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * One check: escalates what is due and sends due notices, if this node gets the lease (an idle check only
     * reads, so a quiet deployment writes nothing).
     *
     * @return how many tickets were escalated, or -1 when another node holds the lease
     */
    public int runOnce() {
        if (store.due(clock.instant(), 1).isEmpty() && !notices.anyDue()) {
            return 0;
        }
        if (!locks.tryAcquire(lockKey, owner, LEASE)) {
            return -1;
        }
        try {
            int escalated = 0;
            Instant now = clock.instant();
            for (String id : store.due(now, 200)) {
                if (escalate(id, now)) {
                    escalated++;
                }
            }
            notices.sendDue();
            return escalated;
        } finally {
            locks.release(lockKey, owner);
        }
    }

    private boolean escalate(String id, Instant now) {
        Optional<Ticket> ticket = store.find(id);
        Optional<TicketChange.Escalate> step = ticket.flatMap(t -> deadlines.escalation(t, now));
        if (step.isEmpty()) {
            store.repairIndex(id);
            return false;
        }
        notices.schedule(id, step.get().toLevel());
        ChangeResult result = store.apply(id, step.get());
        if (result instanceof ChangeResult.Applied applied) {
            Ticket t = applied.ticket();
            log.info("ticket {} escalated to the {} level: the {} deadline {} passed", id,
                    Ticket.levelName(t.level()), step.get().kind(), step.get().expectedDue());
            live.changed("escalated", t, null);
            return true;
        }
        return false;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
