package io.feedbackbot.reports.query;

import io.feedbackbot.reports.stats.Metric;
import io.feedbackbot.reports.stats.Scale;
import io.feedbackbot.reports.time.DateRange;
import io.feedbackbot.reports.time.Granularity;
import java.util.Objects;

/**
 * One report to compute: a metric of a survey (and, for ratings, one question on its scale) over a date range,
 * optionally broken down by a dimension ({@code store}, {@code area}, {@code touchpoint}…), as a trend by
 * {@code interval}, and against a second range.
 *
 * @param series   the question id for ratings, {@code _runs} for response rate
 * @param scale    the question's scale; null for response rate
 * @param groupBy  a counted dimension, {@code area}, or null for the total only
 * @param interval null for no trend
 * @param compare  null for no comparison
 * @param limit    at most this many groups (0 = all)
 */
public record ReportRequest(Metric metric, String survey, String series, Scale scale, String groupBy, DateRange range,
                            Granularity interval, DateRange compare, int minAnswers, GroupOrder order, int limit) {

    public static final String AREA = "area";

    public ReportRequest {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(survey, "survey");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(order, "order");
        if (metric != Metric.RESPONSE_RATE && scale == null) {
            throw new IllegalArgumentException(metric.id() + " needs the question's scale");
        }
    }

    /** The dimension whose counters are read: stores for areas, {@code all} for no breakdown. */
    public String counterDimension() {
        return groupBy == null ? "all" : groupBy.equals(AREA) ? "store" : groupBy;
    }
}
