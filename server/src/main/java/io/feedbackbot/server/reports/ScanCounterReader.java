package io.feedbackbot.server.reports;

import io.feedbackbot.core.answer.AnswerRecord;
import io.feedbackbot.core.answer.SurveyEvent;
import io.feedbackbot.redis.answer.AnswerStreamCodec;
import io.feedbackbot.reports.aggregate.AggregationPlanner;
import io.feedbackbot.reports.aggregate.Cell;
import io.feedbackbot.reports.aggregate.Dimensions;
import io.feedbackbot.reports.aggregate.RunMarker;
import io.feedbackbot.reports.aggregate.Stored;
import io.feedbackbot.reports.query.CounterReader;
import io.feedbackbot.reports.time.Bucket;
import io.feedbackbot.reports.time.ReportingCalendar;
import io.feedbackbot.server.http.HttpError;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Reports by an invitation attribute that is not counted as answers arrive: reads the stored answers (or
 * milestones) of the requested days and counts them on the spot with the same planner, so the numbers mean the
 * same as counted ones. Slower (a scan), and refused above {@link #MAX_ENTRIES}; attributes asked for often
 * belong in {@code reports.attributes}. Runs on a worker thread.
 */
final class ScanCounterReader implements CounterReader {

    static final int MAX_ENTRIES = 1_000_000;
    private static final int PAGE = 2_000;

    private final UnifiedJedis redis;
    private final ReportKeys keys;
    private final ReportingCalendar calendar;
    private final String attribute;
    private final double complaintThreshold;

    ScanCounterReader(UnifiedJedis redis, ReportKeys keys, ReportingCalendar calendar, String attribute,
                      double complaintThreshold) {
        this.redis = redis;
        this.keys = keys;
        this.calendar = calendar;
        this.attribute = attribute;
        this.complaintThreshold = complaintThreshold;
    }

    @Override
    public Map<Bucket, Map<String, long[]>> read(String survey, String series, String dimension,
                                                 Collection<Bucket> buckets) {
        LocalDate first = buckets.stream().map(Bucket::start).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = buckets.stream().map(Bucket::last).max(LocalDate::compareTo).orElseThrow();
        String start = Long.toString(calendar.startOf(first).toEpochMilli());
        String end = Long.toString(calendar.startOf(last.plusDays(1)).toEpochMilli() - 1);
        boolean runs = series.equals(Cell.RUNS);
        AggregationPlanner planner = new AggregationPlanner(calendar, new Dimensions(List.of(attribute)), complaintThreshold);
        Map<Bucket, Map<String, long[]>> out = new HashMap<>();
        Set<Bucket> wanted = Set.copyOf(buckets);
        Map<String, RunMarker> markers = new HashMap<>();
        scan(survey, "answers", start, end, page -> {
            AggregationPlanner.AnswerPlan plan = planner.planAnswers(answers(survey, page), markers);
            markers.putAll(plan.markers());
            add(out, plan.counts(), series, dimension, wanted);
        });
        if (runs) {
            scan(survey, "events", start, end, page -> add(out, planner.planEvents(events(survey, page)), series, dimension,
                    wanted));
        }
        return out;
    }

    private void scan(String survey, String stream, String start, String end,
                      java.util.function.Consumer<List<StreamEntry>> pageConsumer) {
        String from = start;
        int seen = 0;
        while (true) {
            List<StreamEntry> page = redis.xrange(keys.stream(survey, stream), from, end, PAGE);
            if (page.isEmpty()) {
                return;
            }
            seen += page.size();
            if (seen > MAX_ENTRIES) {
                throw HttpError.badRequest("more than " + MAX_ENTRIES + " stored entries to scan for '" + attribute
                        + "'; shorten the range or add it to reports.attributes");
            }
            pageConsumer.accept(page);
            if (page.size() < PAGE) {
                return;
            }
            from = "(" + page.get(page.size() - 1).getID();
        }
    }

    private static void add(Map<Bucket, Map<String, long[]>> out, Map<Cell, long[]> counts, String series,
                            String dimension, Set<Bucket> wanted) {
        counts.forEach((cell, delta) -> {
            if (cell.series().equals(series) && cell.dimension().equals(dimension) && wanted.contains(cell.bucket())) {
                long[] into = out.computeIfAbsent(cell.bucket(), b -> new HashMap<>())
                        .computeIfAbsent(cell.value(), v -> new long[delta.length]);
                for (int i = 0; i < Math.min(into.length, delta.length); i++) {
                    into[i] += delta[i];
                }
            }
        });
    }

    private static List<Stored<AnswerRecord>> answers(String survey, List<StreamEntry> page) {
        List<Stored<AnswerRecord>> out = new ArrayList<>(page.size());
        page.forEach(e -> out.add(new Stored<>(e.getID().toString(), AnswerStreamCodec.answer(survey, e.getFields()))));
        return out;
    }

    private static List<Stored<SurveyEvent>> events(String survey, List<StreamEntry> page) {
        List<Stored<SurveyEvent>> out = new ArrayList<>(page.size());
        page.forEach(e -> out.add(new Stored<>(e.getID().toString(), AnswerStreamCodec.event(survey, e.getFields()))));
        return out;
    }
}
