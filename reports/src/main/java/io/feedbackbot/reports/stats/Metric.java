package io.feedbackbot.reports.stats;

import java.util.Arrays;
import java.util.Optional;

/**
 * The metrics reports compute, each from one array of counts: a rating question's distribution over its scale
 * (NPS, CSAT, CES) or a survey's {@link RunCounts} (response rate). Pure.
 */
public enum Metric {
    NPS("nps", "nps"),
    CSAT("csat", "csat"),
    CES("ces", "ces"),
    RESPONSE_RATE("response-rate", null);

    private final String id;
    private final String questionType;

    Metric(String id, String questionType) {
        this.id = id;
        this.questionType = questionType;
    }

    /** The name in the API path ({@code /api/v1/reports/nps}). */
    public String id() {
        return id;
    }

    /** The question type the metric reads, or null for response rate (which reads the run milestones). */
    public String questionType() {
        return questionType;
    }

    public static Optional<Metric> fromId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }

    /**
     * Computes the metric.
     *
     * @param counts     the distribution over {@code scale}, or the run counts for response rate
     * @param scale      the question's scale (ignored for response rate)
     * @param minAnswers slices with fewer answers are flagged
     */
    public MetricResult evaluate(long[] counts, Scale scale, int minAnswers) {
        return switch (this) {
            case NPS -> nps(counts, scale, minAnswers);
            case CSAT -> csat(counts, scale, minAnswers);
            case CES -> ces(counts, scale, minAnswers);
            case RESPONSE_RATE -> rate(counts, minAnswers);
        };
    }

    private static MetricResult nps(long[] c, Scale scale, int minAnswers) {
        long n = sum(c, scale.min(), scale.max(), scale);
        long promoters = sum(c, 9, 10, scale);
        long detractors = sum(c, 0, 6, scale);
        return new MetricResult.Nps(n, promoters, n - promoters - detractors, detractors,
                n == 0 ? null : Confidence.nps(n, promoters, detractors), n < minAnswers);
    }

    private static MetricResult csat(long[] c, Scale scale, int minAnswers) {
        long n = sum(c, scale.min(), scale.max(), scale);
        long satisfied = sum(c, scale.max() - 1, scale.max(), scale);
        return new MetricResult.Csat(n, satisfied, n == 0 ? null : Confidence.proportion(satisfied, n),
                n == 0 ? null : weighted(c, scale, 1) / n, n < minAnswers);
    }

    private static MetricResult ces(long[] c, Scale scale, int minAnswers) {
        long n = sum(c, scale.min(), scale.max(), scale);
        long easy = sum(c, scale.max() - 2, scale.max(), scale);
        return new MetricResult.Ces(n, n == 0 ? null : Confidence.mean(n, weighted(c, scale, 1),
                weighted(c, scale, 2), scale.min(), scale.max()), easy,
                n == 0 ? null : Confidence.proportion(easy, n), n < minAnswers);
    }

    private static MetricResult rate(long[] c, int minAnswers) {
        long delivered = at(c, RunCounts.DELIVERED);
        long responded = Math.min(delivered, at(c, RunCounts.RESPONDED));
        long completed = Math.min(delivered, at(c, RunCounts.COMPLETED));
        return new MetricResult.ResponseRate(delivered, responded, completed,
                delivered == 0 ? null : Confidence.proportion(responded, delivered),
                delivered == 0 ? null : Confidence.proportion(completed, delivered), delivered < minAnswers);
    }

    /** Counts of scores {@code from..to} (clipped to the scale). */
    private static long sum(long[] c, int from, int to, Scale scale) {
        long total = 0;
        for (int score = Math.max(from, scale.min()); score <= Math.min(to, scale.max()); score++) {
            total += at(c, score - scale.min());
        }
        return total;
    }

    private static double weighted(long[] c, Scale scale, int power) {
        double total = 0;
        for (int score = scale.min(); score <= scale.max(); score++) {
            total += Math.pow(score, power) * at(c, score - scale.min());
        }
        return total;
    }

    private static long at(long[] c, int i) {
        return i < c.length ? c[i] : 0;
    }
}
