package io.feedbackbot.reports.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Intervals checked against values computed by hand (and with Python) from the formulas in the Javadoc. */
class ConfidenceTest {

    private static final double EPS = 1e-6;

    @ParameterizedTest(name = "n={0} promoters={1} detractors={2} -> {3} [{4}, {5}]")
    @CsvSource({
            // protocols.md §4 derived example: ratings [1,7,7,8,9,10] -> (2-1)/6 = +16.7
            "6,   2,  1,  16.666667, -38.319527, 71.652860",
            // protocols.md §4 external example: 30 % promoters, 20 % detractors -> +10 (here with n = 100)
            "100, 30, 20, 10.0,      -3.72,      23.72",
            // all promoters: no variance, the interval is the point
            "1,   1,  0,  100.0,     100.0,      100.0",
            // one promoter and one detractor: ±138.6 clamps to the range
            "2,   1,  1,  0.0,       -100.0,     100.0",
            // only passives: NPS 0 with no spread
            "40,  0,  0,  0.0,       0.0,        0.0",
    })
    void npsIntervalFollowsTheMultinomialVariance(long n, long promoters, long detractors, double value,
                                                  double low, double high) {
        Estimate e = Confidence.nps(n, promoters, detractors);
        assertEquals(value, e.value(), EPS);
        assertEquals(low, e.low(), EPS);
        assertEquals(high, e.high(), EPS);
    }

    @ParameterizedTest(name = "{0} of {1} -> {2} % [{3}, {4}]")
    @CsvSource({
            // protocols.md §4 CSAT example: [1,2,3,4,5] -> 40 %
            "2,  5,  40.0,  11.761823, 76.928007",
            "0,  10, 0.0,   0.0,       27.754017",
            "10, 10, 100.0, 72.245983, 100.0",
    })
    void proportionsUseTheWilsonScoreInterval(long successes, long n, double value, double low, double high) {
        Estimate e = Confidence.proportion(successes, n);
        assertEquals(value, e.value(), EPS);
        assertEquals(low, e.low(), EPS);
        assertEquals(high, e.high(), EPS);
    }

    @Test
    void meanIntervalUsesTheSampleStandardDeviation() {
        // [5, 6, 7, 3]: mean 5.25, s = sqrt(8.75 / 3) = 1.707825, half-width 1.96 * s / 2 = 1.673669
        Estimate e = Confidence.mean(4, 21, 25 + 36 + 49 + 9, 1, 7);
        assertEquals(5.25, e.value(), EPS);
        assertEquals(3.576331, e.low(), EPS);
        assertEquals(6.923669, e.high(), EPS);
    }

    @Test
    void meanIntervalStaysOnTheScale() {
        // [7, 7, 7, 1]: mean 5.5, s = 3, half-width 2.94 -> [2.56, 8.44] clamped to 7
        Estimate e = Confidence.mean(4, 22, 49 * 3 + 1, 1, 7);
        assertEquals(2.56, e.low(), EPS);
        assertEquals(7.0, e.high(), EPS);
    }

    @Test
    void aSingleValueHasNoSpreadToEstimate() {
        Estimate e = Confidence.mean(1, 4, 16, 1, 7);
        assertEquals(new Estimate(4, 4, 4), e);
    }

    @Test
    void anEmptySliceHasNoInterval() {
        assertThrows(IllegalArgumentException.class, () -> Confidence.nps(0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> Confidence.proportion(0, 0));
    }
}
