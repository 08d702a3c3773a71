package io.feedbackbot.bench.reports;

import io.feedbackbot.reports.aggregate.AggregationPlanner;
import io.feedbackbot.reports.aggregate.Cell;
import io.feedbackbot.reports.time.ReportingCalendar;
import io.feedbackbot.server.reports.ReportKeys;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.UnifiedJedis;

/**
 * Loads counters into Redis exactly as the aggregator lays them out (hash per series × dimension × bucket, field
 * per value, "n n n…", expiring the retention after the bucket ends), and checks the bench's fast counting
 * against the production planner.
 */
final class CounterLoader {

    private final ReportKeys keys;
    private final ReportingCalendar calendar;
    private final Duration retention;

    CounterLoader(ReportKeys keys, ReportingCalendar calendar, Duration retention) {
        this.keys = keys;
        this.calendar = calendar;
        this.retention = retention;
    }

    /** The counters the production planner files for one batch of runs. */
    static Map<Cell, long[]> planned(AggregationPlanner planner, SyntheticRuns.Batch batch) {
        Map<Cell, long[]> out = new HashMap<>();
        Consumer<Map<Cell, long[]>> merge = counts -> counts.forEach((cell, delta) -> {
            long[] into = out.computeIfAbsent(cell, c -> new long[delta.length]);
            for (int i = 0; i < delta.length; i++) {
                into[i] += delta[i];
            }
        });
        merge.accept(planner.planEvents(batch.events()));
        merge.accept(planner.planAnswers(batch.answers(), Map.of()).counts());
        return out;
    }

    /** Fails unless both ways of counting give the same cells and counts. */
    static void check(Map<Cell, long[]> expected, FastCounters fast) {
        Map<Cell, long[]> actual = new HashMap<>();
        fast.forEachCell(actual::put);
        if (!expected.keySet().equals(actual.keySet())) {
            Set<Cell> diff = new HashSet<>(expected.keySet());
            diff.removeAll(actual.keySet());
            throw new IllegalStateException("fast counting misses " + diff.size() + " cells, e.g. " + diff.stream().limit(3).toList());
        }
        expected.forEach((cell, counts) -> {
            if (!Arrays.equals(counts, actual.get(cell))) {
                throw new IllegalStateException(cell + ": planner " + Arrays.toString(counts) + ", fast "
                        + Arrays.toString(actual.get(cell)));
            }
        });
    }

    /** Writes the cells; returns how many. */
    int write(UnifiedJedis redis, String survey, Consumer<BiConsumer<Cell, long[]>> cells) {
        int[] count = {0};
        Set<String> expiring = new HashSet<>();
        try (AbstractPipeline pipeline = redis.pipelined()) {
            cells.accept((cell, counts) -> {
                String key = keys.counters(survey, cell);
                StringJoiner value = new StringJoiner(" ");
                for (long n : counts) {
                    value.add(Long.toString(n));
                }
                pipeline.hset(key, cell.value(), value.toString());
                if (expiring.add(key)) {
                    pipeline.expireAt(key, calendar.startOf(cell.bucket().last().plusDays(1)).plus(retention).getEpochSecond());
                }
                if (++count[0] % 5_000 == 0) {
                    pipeline.sync();
                }
            });
            pipeline.sync();
        }
        return count[0];
    }
}
