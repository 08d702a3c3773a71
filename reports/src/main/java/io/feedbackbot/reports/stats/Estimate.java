package io.feedbackbot.reports.stats;

/**
 * A point estimate with its 95 % confidence interval, in the metric's own unit (NPS points, percent, or scale
 * points). Invariant: {@code low <= value <= high}, all within the metric's range.
 */
public record Estimate(double value, double low, double high) {

    public Estimate {
        if (!(low <= value && value <= high)) {
            throw new IllegalArgumentException("interval [" + low + ", " + high + "] does not hold " + value);
        }
    }

    /** This estimate rounded to {@code places} decimals, for display and exports. */
    public Estimate rounded(int places) {
        double f = Math.pow(10, places);
        return new Estimate(Math.round(value * f) / f, Math.round(low * f) / f, Math.round(high * f) / f);
    }
}
