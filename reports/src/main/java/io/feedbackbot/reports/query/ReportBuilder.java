package io.feedbackbot.reports.query;

import io.feedbackbot.reports.stats.MetricResult;
import io.feedbackbot.reports.stats.RunCounts;
import io.feedbackbot.reports.time.Bucket;
import io.feedbackbot.reports.time.BucketCover;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes a report from stored counters with one read: the buckets covering the range, each trend period and
 * the comparison range are fetched together, regrouped (stores into areas) and summed. The total is the sum of
 * the groups, which is exact because every answer counts once in every dimension. Pure apart from the reader.
 */
public final class ReportBuilder {

    private final CounterReader reader;
    private final AreaMap areas;

    public ReportBuilder(CounterReader reader, AreaMap areas) {
        this.reader = reader;
        this.areas = areas;
    }

    public Report build(ReportRequest q) {
        List<Bucket> current = BucketCover.cover(q.range());
        List<BucketCover.Period> periods = q.interval() == null ? List.of() : BucketCover.periods(q.range(), q.interval());
        List<Bucket> compared = q.compare() == null ? List.of() : BucketCover.cover(q.compare());
        Set<Bucket> needed = new LinkedHashSet<>(current);
        periods.forEach(p -> needed.addAll(p.buckets()));
        needed.addAll(compared);
        Map<Bucket, Map<String, long[]>> data = regroup(q, reader.read(q.survey(), q.series(), q.counterDimension(), needed));

        int width = q.scale() == null ? RunCounts.WIDTH : q.scale().width();
        Map<String, long[]> now = sum(data, current, width);
        Map<String, long[]> before = q.compare() == null ? Map.of() : sum(data, compared, width);
        List<Report.Point> trend = new ArrayList<>();
        List<Map<String, long[]>> byPeriod = new ArrayList<>();
        for (BucketCover.Period p : periods) {
            Map<String, long[]> groups = sum(data, p.buckets(), width);
            byPeriod.add(groups);
            trend.add(new Report.Point(p.label(), p.days(), slice(q, total(groups.values(), width))));
        }
        List<Report.Group> groups = new ArrayList<>();
        if (q.groupBy() != null) {
            Set<String> keys = new LinkedHashSet<>(now.keySet());
            keys.addAll(before.keySet());
            for (String key : keys) {
                List<Report.Point> groupTrend = new ArrayList<>();
                for (int i = 0; i < periods.size(); i++) {
                    BucketCover.Period p = periods.get(i);
                    groupTrend.add(new Report.Point(p.label(), p.days(),
                            slice(q, byPeriod.get(i).getOrDefault(key, new long[width]))));
                }
                groups.add(new Report.Group(key, slice(q, now.getOrDefault(key, new long[width])),
                        q.compare() == null ? null : slice(q, before.getOrDefault(key, new long[width])), groupTrend));
            }
            groups.sort(order(q.order()));
            if (q.limit() > 0 && groups.size() > q.limit()) {
                groups = new ArrayList<>(groups.subList(0, q.limit()));
            }
        }
        return new Report(q, slice(q, total(now.values(), width)), groups, trend,
                q.compare() == null ? null : slice(q, total(before.values(), width)));
    }

    private Map<Bucket, Map<String, long[]>> regroup(ReportRequest q, Map<Bucket, Map<String, long[]>> data) {
        if (!ReportRequest.AREA.equals(q.groupBy())) {
            return data;
        }
        Map<Bucket, Map<String, long[]>> out = new HashMap<>();
        data.forEach((bucket, stores) -> {
            Map<String, long[]> byArea = new HashMap<>();
            stores.forEach((store, counts) -> add(byArea.computeIfAbsent(areas.areaOf(store), a -> new long[counts.length]), counts));
            out.put(bucket, byArea);
        });
        return out;
    }

    private static Map<String, long[]> sum(Map<Bucket, Map<String, long[]>> data, Collection<Bucket> buckets, int width) {
        Map<String, long[]> out = new HashMap<>();
        for (Bucket b : buckets) {
            data.getOrDefault(b, Map.of()).forEach((key, counts) -> add(out.computeIfAbsent(key, k -> new long[width]), counts));
        }
        return out;
    }

    private static long[] total(Collection<long[]> groups, int width) {
        long[] out = new long[width];
        groups.forEach(g -> add(out, g));
        return out;
    }

    private static void add(long[] into, long[] counts) {
        for (int i = 0; i < Math.min(into.length, counts.length); i++) {
            into[i] += counts[i];
        }
    }

    private static Report.Slice slice(ReportRequest q, long[] counts) {
        return new Report.Slice(q.metric().evaluate(counts, q.scale(), q.minAnswers()), counts);
    }

    private static Comparator<Report.Group> order(GroupOrder order) {
        Comparator<Report.Group> byCount = Comparator.comparingLong((Report.Group g) -> g.current().result().n()).reversed();
        Comparator<Report.Group> byKey = Comparator.comparing(Report.Group::key);
        Comparator<Report.Group> trustworthyFirst = Comparator.comparing((Report.Group g) -> rankable(g.current().result()) ? 0 : 1);
        Comparator<Report.Group> byValue = Comparator.comparingDouble(g -> g.current().result().headline().value());
        return switch (order) {
            case COUNT -> byCount.thenComparing(byKey);
            case NAME -> byKey;
            case WORST -> trustworthyFirst.thenComparing((a, b) -> rankable(a.current().result())
                    ? byValue.compare(a, b) : 0).thenComparing(byCount).thenComparing(byKey);
            case BEST -> trustworthyFirst.thenComparing((a, b) -> rankable(a.current().result())
                    ? byValue.compare(b, a) : 0).thenComparing(byCount).thenComparing(byKey);
        };
    }

    private static boolean rankable(MetricResult r) {
        return r.headline() != null && !r.tooFewAnswers();
    }
}
