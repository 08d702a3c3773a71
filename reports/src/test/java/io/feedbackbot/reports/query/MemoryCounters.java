package io.feedbackbot.reports.query;

import io.feedbackbot.reports.aggregate.Cell;
import io.feedbackbot.reports.time.Bucket;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Counters in a map, for tests: what the Redis store holds after the same plans were applied. */
final class MemoryCounters implements CounterReader {

    private final Map<String, Map<Bucket, Map<String, long[]>>> cells = new HashMap<>();

    void apply(Map<Cell, long[]> counts) {
        counts.forEach((cell, delta) -> {
            long[] current = cells.computeIfAbsent(cell.series() + "/" + cell.dimension(), k -> new HashMap<>())
                    .computeIfAbsent(cell.bucket(), b -> new HashMap<>())
                    .computeIfAbsent(cell.value(), v -> new long[delta.length]);
            for (int i = 0; i < delta.length; i++) {
                current[i] += delta[i];
            }
        });
    }

    @Override
    public Map<Bucket, Map<String, long[]>> read(String survey, String series, String dimension, Collection<Bucket> buckets) {
        Map<Bucket, Map<String, long[]>> stored = cells.getOrDefault(series + "/" + dimension, Map.of());
        Map<Bucket, Map<String, long[]>> out = new HashMap<>();
        for (Bucket b : buckets) {
            if (stored.containsKey(b)) {
                out.put(b, stored.get(b));
            }
        }
        return out;
    }
}
