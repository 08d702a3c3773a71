package io.feedbackbot.server.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedbackbot.redis.LuaScript;
import io.feedbackbot.reports.aggregate.Cell;
import io.feedbackbot.reports.aggregate.Dimensions;
import io.feedbackbot.reports.aggregate.LowText;
import io.feedbackbot.reports.aggregate.RunMarker;
import io.feedbackbot.reports.query.CounterReader;
import io.feedbackbot.reports.time.Bucket;
import io.feedbackbot.reports.time.ReportingCalendar;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/**
 * Report counters in Redis: reads them for reports (one pipelined round trip per report) and applies planned
 * batches with {@code apply_counts.lua}, atomically with the stream cursor. A counter hash expires the answer
 * retention after its bucket ends, so counters never outlive the answers they summarise.
 */
public final class RedisCounterStore implements CounterReader {

    /** Run markers outlive any survey run's expiry (the longest in the shipped surveys is a day). */
    static final Duration MARKER_TTL = Duration.ofDays(7);

    private final UnifiedJedis redis;
    private final ReportKeys keys;
    private final ReportingCalendar calendar;
    private final Duration retention;
    private final int lowTextsKept;
    private final LuaScript apply = LuaScript.load(RedisCounterStore.class, "apply_counts.lua");
    private final ObjectMapper json = new ObjectMapper();

    public RedisCounterStore(UnifiedJedis redis, ReportKeys keys, ReportingCalendar calendar, Duration retention,
                             int lowTextsKept) {
        this.redis = redis;
        this.keys = keys;
        this.calendar = calendar;
        this.retention = retention;
        this.lowTextsKept = lowTextsKept;
    }

    @Override
    public Map<Bucket, Map<String, long[]>> read(String survey, String series, String dimension,
                                                 Collection<Bucket> buckets) {
        Map<Bucket, Response<?>> responses = new LinkedHashMap<>();
        boolean all = dimension.equals(Dimensions.ALL);
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (Bucket b : buckets) {
                String key = keys.counters(survey, series, dimension, b);
                responses.put(b, all ? pipeline.hget(key, Dimensions.ALL) : pipeline.hgetAll(key));
            }
            pipeline.sync();
        }
        Map<Bucket, Map<String, long[]>> out = new HashMap<>();
        responses.forEach((bucket, response) -> {
            Object value = response.get();
            if (value instanceof String single) {
                out.put(bucket, Map.of(Dimensions.ALL, parse(single)));
            } else if (value instanceof Map<?, ?> fields && !fields.isEmpty()) {
                Map<String, long[]> values = new HashMap<>(fields.size() * 2);
                fields.forEach((k, v) -> values.put((String) k, parse((String) v)));
                out.put(bucket, values);
            }
        });
        return out;
    }

    /** Parses "3 0 12" without regular expressions (a report may parse tens of thousands). */
    static long[] parse(String text) {
        long[] out = new long[16];
        int n = 0;
        long current = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                current = (current < 0 ? 0 : current * 10) + (c - '0');
            } else if (current >= 0) {
                if (n == out.length) {
                    out = java.util.Arrays.copyOf(out, n * 2);
                }
                out[n++] = current;
                current = -1;
            }
        }
        if (current >= 0) {
            if (n == out.length) {
                out = java.util.Arrays.copyOf(out, n + 1);
            }
            out[n++] = current;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /**
     * Applies a batch if the cursor of {@code stream} is still {@code expectedCursor}, and moves it to
     * {@code newCursor}; false when another node got there first (nothing changed).
     */
    public boolean apply(String survey, String stream, String expectedCursor, String newCursor, Map<Cell, long[]> counts,
                         Map<String, RunMarker> markers, List<LowText> lowTexts) {
        List<String> keyList = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        keyList.add(keys.cursor(survey, stream));
        List<Object> c = new ArrayList<>();
        Map<Integer, Long> expiry = new LinkedHashMap<>();
        counts.forEach((cell, delta) -> {
            int k = index.computeIfAbsent(keys.counters(survey, cell), name -> add(keyList, name));
            List<Long> slots = new ArrayList<>();
            for (int i = 0; i < delta.length; i++) {
                if (delta[i] != 0) {
                    slots.add((long) i);
                    slots.add(delta[i]);
                }
            }
            c.add(List.of(k, cell.value(), delta.length, slots));
            expiry.putIfAbsent(k, calendar.startOf(cell.bucket().last().plusDays(1)).plus(retention).getEpochSecond());
        });
        List<Object> e = new ArrayList<>();
        expiry.forEach((k, at) -> e.add(List.of(k, at)));
        List<Object> m = new ArrayList<>();
        markers.forEach((invitation, marker) -> m.add(List.of(add(keyList, keys.marker(survey, invitation)),
                marker.encode(), MARKER_TTL.toSeconds())));
        List<Object> x = new ArrayList<>();
        if (!lowTexts.isEmpty()) {
            int k = add(keyList, keys.lowTexts(survey));
            for (LowText t : lowTexts) {
                List<String> fields = new ArrayList<>();
                t.fields().forEach((name, value) -> {
                    fields.add(name);
                    fields.add(value);
                });
                x.add(List.of(k, lowTextsKept, t.id(), fields));
            }
        }
        boolean changed = !counts.isEmpty() || !lowTexts.isEmpty();
        Object result = apply.eval(redis, keyList, List.of(expectedCursor == null ? "" : expectedCursor, newCursor,
                json(Map.of("c", c, "e", e, "m", m, "x", x)), changed ? keys.updates() : "", survey));
        return Long.valueOf(1).equals(result);
    }

    /** Adds a key and returns its 1-based Lua index. */
    private static int add(List<String> keyList, String key) {
        keyList.add(key);
        return keyList.size();
    }

    private String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
