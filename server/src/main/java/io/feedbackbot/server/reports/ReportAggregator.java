package io.feedbackbot.server.reports;

import io.feedbackbot.core.answer.AnswerRecord;
import io.feedbackbot.core.answer.SurveyEvent;
import io.feedbackbot.redis.answer.AnswerStreamCodec;
import io.feedbackbot.redis.lock.RedisLock;
import io.feedbackbot.reports.aggregate.AggregationPlanner;
import io.feedbackbot.reports.aggregate.RunMarker;
import io.feedbackbot.reports.aggregate.Stored;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Keeps the report counters up to date: every few hundred milliseconds, for each survey, reads the answers and
 * milestones stored since its cursor, plans their counters and applies them with the cursor in one script.
 * Exactly once: the script applies a batch only if the cursor has not moved, so two nodes (or a retry after a
 * crash between reading and applying) can never count an entry twice, and entries are counted in stream order,
 * which the run markers rely on. A lease per survey lets one node do the work while it lives; the cursor check,
 * not the lease, is what keeps counts right. A first start counts the whole stored history.
 */
public final class ReportAggregator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReportAggregator.class);
    static final int BATCH = 500;
    private static final int BATCHES_PER_TURN = 40;
    private static final Duration LEASE = Duration.ofSeconds(10);

    private final UnifiedJedis redis;
    private final ReportKeys keys;
    private final RedisCounterStore store;
    private final AggregationPlanner planner;
    private final Supplier<? extends Iterable<String>> surveys;
    private final String node;
    private final RedisLock lock;
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "reports-aggregator");
        t.setDaemon(true);
        return t;
    });

    /** @param node this process's name in leases (unique per running process) */
    public ReportAggregator(UnifiedJedis redis, ReportKeys keys, RedisCounterStore store, AggregationPlanner planner,
                            Supplier<? extends Iterable<String>> surveys, String node) {
        this.redis = redis;
        this.keys = keys;
        this.store = store;
        this.planner = planner;
        this.surveys = surveys;
        this.node = node;
        this.lock = new RedisLock(redis);
    }

    public ReportAggregator start(Duration every) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                runOnce();
            } catch (RuntimeException e) {
                log.warn("report aggregation failed, retrying: {}", e.toString());
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /**
     * One turn over every survey with entries still to count whose lease this node holds (or takes); returns how
     * many entries it counted. An idle survey costs two reads and writes nothing.
     */
    public int runOnce() {
        int counted = 0;
        for (String survey : surveys.get()) {
            if (!caughtUp(survey) && lease(survey)) {
                counted += drain(survey, "answers") + drain(survey, "events");
            }
        }
        return counted;
    }

    private boolean lease(String survey) {
        if (lock.hold(keys.lease(survey), node, LEASE)) {
            held.add(survey);
            return true;
        }
        held.remove(survey);
        return false;
    }

    private int drain(String survey, String stream) {
        int counted = 0;
        for (int turn = 0; turn < BATCHES_PER_TURN; turn++) {
            String cursor = redis.get(keys.cursor(survey, stream));
            List<StreamEntry> entries = redis.xrange(keys.stream(survey, stream),
                    cursor == null ? "-" : "(" + cursor, "+", BATCH);
            if (entries.isEmpty()) {
                break;
            }
            String last = entries.get(entries.size() - 1).getID().toString();
            boolean applied = stream.equals("answers") ? applyAnswers(survey, cursor, last, entries)
                    : store.apply(survey, stream, cursor, last, planner.planEvents(events(survey, entries)), Map.of(), List.of());
            if (!applied) {
                break;
            }
            counted += entries.size();
            if (entries.size() < BATCH) {
                break;
            }
        }
        return counted;
    }

    private boolean applyAnswers(String survey, String cursor, String last, List<StreamEntry> entries) {
        List<Stored<AnswerRecord>> answers = new ArrayList<>(entries.size());
        for (StreamEntry entry : entries) {
            try {
                answers.add(new Stored<>(entry.getID().toString(), AnswerStreamCodec.answer(survey, entry.getFields())));
            } catch (RuntimeException e) {
                log.warn("answer {} of survey {} cannot be read and is not counted: {}", entry.getID(), survey, e.toString());
            }
        }
        Set<String> invitations = new LinkedHashSet<>();
        answers.forEach(a -> invitations.add(a.value().invitationId()));
        Map<String, RunMarker> known = new HashMap<>();
        if (!invitations.isEmpty()) {
            List<String> ids = List.copyOf(invitations);
            List<String> values = redis.mget(ids.stream().map(i -> keys.marker(survey, i)).toArray(String[]::new));
            for (int i = 0; i < ids.size(); i++) {
                RunMarker marker = RunMarker.decode(values.get(i));
                if (marker != null) {
                    known.put(ids.get(i), marker);
                }
            }
        }
        AggregationPlanner.AnswerPlan plan = planner.planAnswers(answers, known);
        return store.apply(survey, "answers", cursor, last, plan.counts(), plan.markers(), plan.lowTexts());
    }

    private static List<Stored<SurveyEvent>> events(String survey, List<StreamEntry> entries) {
        List<Stored<SurveyEvent>> out = new ArrayList<>(entries.size());
        for (StreamEntry entry : entries) {
            try {
                out.add(new Stored<>(entry.getID().toString(), AnswerStreamCodec.event(survey, entry.getFields())));
            } catch (RuntimeException e) {
                log.warn("milestone {} of survey {} cannot be read and is not counted: {}", entry.getID(), survey, e.toString());
            }
        }
        return out;
    }

    /** Whether every stored answer and milestone of {@code survey} has been counted. */
    public boolean caughtUp(String survey) {
        for (String stream : List.of("answers", "events")) {
            List<StreamEntry> last = redis.xrevrange(keys.stream(survey, stream), "+", "-", 1);
            if (!last.isEmpty() && !last.get(0).getID().toString().equals(redis.get(keys.cursor(survey, stream)))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            if (timer.awaitTermination(5, TimeUnit.SECONDS)) {
                held.forEach(survey -> lock.release(keys.lease(survey), node));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.debug("leases not released (they expire by themselves): {}", e.toString());
        }
    }
}
