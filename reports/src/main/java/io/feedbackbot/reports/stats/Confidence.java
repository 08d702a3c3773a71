package io.feedbackbot.reports.stats;

/**
 * 95 % confidence intervals for the three kinds of numbers reports show. Pure arithmetic; every method needs
 * {@code n > 0}.
 *
 * <ul>
 *   <li>NPS: the difference of two proportions of one multinomial sample, p = promoters/n, d = detractors/n,
 *   Var(NPS) = (p + d − (p − d)²)/n, interval NPS ± 1.96·√Var, in points and clamped to ±100.</li>
 *   <li>A proportion (CSAT top-2-box, CES 5–7, response rate): the Wilson score interval, in percent, which stays
 *   inside 0–100 and behaves at 0 % and 100 % where the normal approximation collapses.</li>
 *   <li>A mean (CES): mean ± 1.96·s/√n with the sample standard deviation s (n − 1), clamped to the scale.</li>
 * </ul>
 */
public final class Confidence {

    /** The two-sided 95 % normal quantile, as the definitions in protocols.md §4 use it. */
    public static final double Z = 1.96;

    private Confidence() {
    }

    public static Estimate nps(long n, long promoters, long detractors) {
        requirePositive(n);
        double p = (double) promoters / n;
        double d = (double) detractors / n;
        double variance = Math.max(0, (p + d - (p - d) * (p - d)) / n);
        double value = 100 * (p - d);
        double half = 100 * Z * Math.sqrt(variance);
        return new Estimate(value, Math.max(-100, value - half), Math.min(100, value + half));
    }

    /** The share {@code successes / n} in percent with its Wilson score interval. */
    public static Estimate proportion(long successes, long n) {
        requirePositive(n);
        double share = (double) successes / n;
        double z2 = Z * Z;
        double denominator = 1 + z2 / n;
        double centre = (share + z2 / (2.0 * n)) / denominator;
        double half = Z * Math.sqrt(share * (1 - share) / n + z2 / (4.0 * n * n)) / denominator;
        double value = 100 * share;
        return new Estimate(value, Math.min(value, Math.max(0, 100 * (centre - half))),
                Math.max(value, Math.min(100, 100 * (centre + half))));
    }

    /**
     * The mean of {@code n} values given their sum and sum of squares, with its interval clamped to
     * {@code [min, max]}. One value has no spread to estimate: its interval is the value itself.
     */
    public static Estimate mean(long n, double sum, double sumOfSquares, double min, double max) {
        requirePositive(n);
        double mean = sum / n;
        if (n == 1) {
            return new Estimate(mean, mean, mean);
        }
        double variance = Math.max(0, (sumOfSquares - n * mean * mean) / (n - 1));
        double half = Z * Math.sqrt(variance / n);
        return new Estimate(mean, Math.max(min, mean - half), Math.min(max, mean + half));
    }

    private static void requirePositive(long n) {
        if (n <= 0) {
            throw new IllegalArgumentException("an interval needs at least one answer, not " + n);
        }
    }
}
