package io.feedbackbot.reports.stats;

/**
 * One metric computed over one slice of answers (a store, a week, the whole survey). Estimates are null when
 * the slice is empty. {@code tooFewAnswers} marks slices whose n is below the configured minimum, whose numbers
 * are shown but must not be ranked or acted on.
 */
public sealed interface MetricResult permits MetricResult.Nps, MetricResult.Csat, MetricResult.Ces,
        MetricResult.ResponseRate {

    /** How many answers (or, for rates, delivered invitations) the slice holds. */
    long n();

    /** The number the metric is known by, or null for an empty slice. */
    Estimate headline();

    boolean tooFewAnswers();

    /** NPS: % of 9–10 minus % of 0–6, in points from −100 to +100. */
    record Nps(long n, long promoters, long passives, long detractors, Estimate nps, boolean tooFewAnswers)
            implements MetricResult {
        @Override
        public Estimate headline() {
            return nps;
        }
    }

    /** CSAT: % of answers in the top two boxes (4–5 on 1–5); the mean is shown beside it. */
    record Csat(long n, long satisfied, Estimate csat, Double mean, boolean tooFewAnswers) implements MetricResult {
        @Override
        public Estimate headline() {
            return csat;
        }
    }

    /** CES: the mean on the scale with its interval, and the % in the top three boxes (5–7 on 1–7). */
    record Ces(long n, Estimate mean, long easy, Estimate easyPercent, boolean tooFewAnswers) implements MetricResult {
        @Override
        public Estimate headline() {
            return mean;
        }
    }

    /**
     * Response rate (runs with at least one answer ÷ runs delivered) and completion rate (runs that reached the
     * end ÷ runs delivered), both in percent; n is the number delivered.
     */
    record ResponseRate(long delivered, long responded, long completed, Estimate responseRate,
                        Estimate completionRate, boolean tooFewAnswers) implements MetricResult {
        @Override
        public long n() {
            return delivered;
        }

        @Override
        public Estimate headline() {
            return responseRate;
        }
    }
}
