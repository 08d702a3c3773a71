package io.feedbackbot.reports.aggregate;

import static io.feedbackbot.reports.aggregate.Answers.nps;
import static io.feedbackbot.reports.aggregate.Answers.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feedbackbot.core.conversation.SurveyStatus;
import io.feedbackbot.reports.stats.RunCounts;
import io.feedbackbot.reports.time.Bucket;
import io.feedbackbot.reports.time.Granularity;
import io.feedbackbot.reports.time.ReportingCalendar;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AggregationPlannerTest {

    private final AggregationPlanner planner = new AggregationPlanner(new ReportingCalendar(ZoneId.of("Asia/Shanghai")),
            new Dimensions(List.of("city")), 0.7);

    private static Cell cell(String series, String dimension, Granularity g, String day, String value) {
        return new Cell(series, dimension, Bucket.containing(g, LocalDate.parse(day)), value);
    }

    @Test
    void aRatingCountsItsScoreInEveryDimensionDayWeekAndMonth() {
        AggregationPlanner.AnswerPlan plan = planner.planAnswers(List.of(nps("i1", 9, "SH-1", "2025-03-02T16:30:00Z")), Map.of());

        long[] nine = new long[11];
        nine[9] = 1;
        assertArrayEquals(nine, plan.counts().get(cell("recommend", "store", Granularity.DAY, "2025-03-03", "SH-1")));
        assertArrayEquals(nine, plan.counts().get(cell("recommend", "all", Granularity.WEEK, "2025-03-03", "all")));
        assertArrayEquals(nine, plan.counts().get(cell("recommend", "touchpoint", Granularity.MONTH, "2025-03-01", "delivery")));
        assertArrayEquals(nine, plan.counts().get(cell("recommend", "city", Granularity.MONTH, "2025-03-01", "")),
                "a missing attribute counts under the empty value");
        assertArrayEquals(nine, plan.counts().get(cell("recommend", "campaign", Granularity.DAY, "2025-03-03", "")));
        // all, channel, campaign, store, touchpoint, agent, city: 7 dimensions x 3 buckets, for the rating and the run
        assertEquals(42, plan.counts().size());
    }

    @Test
    void aRunRespondsOnceHoweverManyQuestionsItAnswers() {
        AggregationPlanner.AnswerPlan plan = planner.planAnswers(List.of(nps("i1", 3, "SH-1", "2025-03-05T02:00:00Z"),
                text("i1", "送餐太慢", null, "2025-03-05T02:01:00Z")), Map.of());

        long[] runs = plan.counts().get(cell(Cell.RUNS, "all", Granularity.DAY, "2025-03-05", "all"));
        assertEquals(1, runs[RunCounts.RESPONDED]);
        assertEquals(new RunMarker("nps", 3), plan.markers().get("i1"));
    }

    @Test
    void aRunAlreadyMarkedDoesNotRespondAgain() {
        AggregationPlanner.AnswerPlan plan = planner.planAnswers(List.of(text("i1", "还行", null, "2025-03-05T02:01:00Z")),
                Map.of("i1", new RunMarker("nps", 8)));

        assertTrue(plan.counts().keySet().stream().noneMatch(c -> c.series().equals(Cell.RUNS)));
        assertTrue(plan.markers().isEmpty(), "nothing about the run changed");
        assertTrue(plan.lowTexts().isEmpty(), "8 is a passive, not a detractor");
    }

    @Test
    void freeTextOfADetractorIsSetAsideWithItsRating() {
        AggregationPlanner.AnswerPlan plan = planner.planAnswers(List.of(text("i2", "骑手态度差", null, "2025-03-05T02:01:00Z")),
                Map.of("i2", new RunMarker("nps", 4)));

        LowText low = plan.lowTexts().get(0);
        assertEquals("骑手态度差", low.text());
        assertEquals(4, low.ratingScore());
        assertEquals("SH-1", low.store());
    }

    @Test
    void complaintsCountByCategoryAtTheThreshold() {
        AggregationPlanner.AnswerPlan plan = planner.planAnswers(List.of(text("i3", "太慢了", 0.7, "2025-03-05T02:00:00Z"),
                text("i4", "一般", 0.2, "2025-03-05T02:00:00Z")), Map.of());

        assertArrayEquals(new long[] {1}, plan.counts().get(cell(Cell.COMPLAINTS, Cell.CATEGORY, Granularity.MONTH, "2025-03-01", "delivery")));
    }

    @Test
    void unansweredQuestionsCountNowhere() {
        assertTrue(planner.planAnswers(List.of(Answers.unanswered("i5", "2025-03-05T02:00:00Z")), Map.of()).counts().isEmpty());
    }

    @Test
    void milestonesCountDeliveredAndCompletedRuns() {
        Map<Cell, long[]> counts = planner.planEvents(List.of(Answers.started("i6", "SH-2", "2025-03-05T02:00:00Z"),
                Answers.ended("i6", SurveyStatus.COMPLETED, "SH-2", "2025-03-05T02:03:00Z"),
                Answers.started("i7", "SH-2", "2025-03-05T02:00:00Z")));

        long[] runs = counts.get(cell(Cell.RUNS, "campaign", Granularity.DAY, "2025-03-05", "camp-1"));
        assertEquals(2, runs[RunCounts.DELIVERED]);
        assertEquals(1, runs[RunCounts.COMPLETED]);
        assertEquals(2, counts.get(cell(Cell.RUNS, "channel", Granularity.WEEK, "2025-03-03", "sms"))[RunCounts.DELIVERED]);
    }

    @Test
    void runMarkersRoundTrip() {
        assertEquals(new RunMarker("csat", 2), RunMarker.decode(new RunMarker("csat", 2).encode()));
        assertEquals(RunMarker.RESPONDED, RunMarker.decode("-"));
        assertTrue(new RunMarker("ces", 4).low());
        assertTrue(!new RunMarker("csat", 4).low());
    }
}
