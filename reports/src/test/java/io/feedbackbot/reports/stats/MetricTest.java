package io.feedbackbot.reports.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MetricTest {

    private static long[] distribution(Scale scale, int... scores) {
        long[] counts = new long[scale.width()];
        for (int s : scores) {
            counts[scale.index(s)]++;
        }
        return counts;
    }

    @Test
    void npsCountsPromotersPassivesAndDetractorsOfTheWorkedExample() {
        MetricResult.Nps nps = (MetricResult.Nps) Metric.NPS.evaluate(distribution(Scale.NPS, 1, 7, 7, 8, 9, 10),
                Scale.NPS, 30);
        assertEquals(6, nps.n());
        assertEquals(2, nps.promoters());
        assertEquals(3, nps.passives());
        assertEquals(1, nps.detractors());
        assertEquals(16.7, nps.nps().rounded(1).value());
        assertTrue(nps.tooFewAnswers(), "6 answers are below the minimum of 30");
    }

    @Test
    void csatIsTheTopTwoBoxShareOfTheWorkedExample() {
        MetricResult.Csat csat = (MetricResult.Csat) Metric.CSAT.evaluate(distribution(Scale.CSAT, 1, 2, 3, 4, 5),
                Scale.CSAT, 5);
        assertEquals(2, csat.satisfied());
        assertEquals(40.0, csat.csat().value(), 1e-9);
        assertEquals(3.0, csat.mean(), 1e-9);
        assertFalse(csat.tooFewAnswers(), "5 answers meet a minimum of 5");
    }

    @Test
    void cesReportsTheMeanAndTheShareOfFiveToSeven() {
        MetricResult.Ces ces = (MetricResult.Ces) Metric.CES.evaluate(distribution(Scale.CES, 5, 6, 7, 3),
                Scale.CES, 30);
        assertEquals(5.25, ces.mean().value(), 1e-9);
        assertEquals(3, ces.easy());
        assertEquals(75.0, ces.easyPercent().value(), 1e-9);
    }

    @Test
    void responseRateDividesRespondedAndCompletedRunsByDelivered() {
        long[] runs = new long[RunCounts.WIDTH];
        runs[RunCounts.DELIVERED] = 200;
        runs[RunCounts.RESPONDED] = 50;
        runs[RunCounts.COMPLETED] = 40;
        MetricResult.ResponseRate rate = (MetricResult.ResponseRate) Metric.RESPONSE_RATE.evaluate(runs, null, 30);
        assertEquals(25.0, rate.responseRate().value(), 1e-9);
        assertEquals(20.0, rate.completionRate().value(), 1e-9);
        assertEquals(200, rate.n());
    }

    @Test
    void anEmptySliceHasCountsButNoEstimates() {
        MetricResult.Nps nps = (MetricResult.Nps) Metric.NPS.evaluate(new long[11], Scale.NPS, 30);
        assertEquals(0, nps.n());
        assertNull(nps.headline());
        assertTrue(nps.tooFewAnswers());
    }

    @Test
    void scalesParseAndIndexScores() {
        assertEquals(Scale.NPS, Scale.parse("0-10"));
        assertEquals(7, Scale.parse("1-7").width());
        assertEquals(0, Scale.CSAT.index(1));
    }
}
