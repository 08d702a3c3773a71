package io.feedbackbot.reports.query;

import io.feedbackbot.reports.stats.MetricResult;
import io.feedbackbot.reports.time.DateRange;
import java.util.List;

/**
 * A computed report: the total over the range, the breakdown groups, the trend, and the same for the comparison
 * range when one was asked for (else null / empty).
 */
public record Report(ReportRequest request, Slice total, List<Group> groups, List<Point> trend, Slice compareTotal) {

    public Report {
        groups = List.copyOf(groups);
        trend = List.copyOf(trend);
    }

    /**
     * A metric over a set of answers with the counts it came from (the score distribution for ratings, the run
     * counts for response rate).
     */
    public record Slice(MetricResult result, long[] counts) {
    }

    /**
     * One value of the breakdown dimension ("" for answers without it).
     *
     * @param compared the group in the comparison range, or null
     * @param trend    the group's own trend when both a breakdown and an interval were asked for
     */
    public record Group(String key, Slice current, Slice compared, List<Point> trend) {
        public Group {
            trend = List.copyOf(trend);
        }
    }

    /** One period of a trend, labelled by its first day ({@code 2025-03-03}) or month ({@code 2025-03}). */
    public record Point(String period, DateRange days, Slice slice) {
    }
}
