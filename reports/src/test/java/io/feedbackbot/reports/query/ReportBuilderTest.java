package io.feedbackbot.reports.query;

import static io.feedbackbot.reports.aggregate.Answers.nps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feedbackbot.core.answer.AnswerRecord;
import io.feedbackbot.reports.aggregate.AggregationPlanner;
import io.feedbackbot.reports.aggregate.Dimensions;
import io.feedbackbot.reports.aggregate.Stored;
import io.feedbackbot.reports.stats.Metric;
import io.feedbackbot.reports.stats.MetricResult;
import io.feedbackbot.reports.stats.Scale;
import io.feedbackbot.reports.time.DateRange;
import io.feedbackbot.reports.time.Granularity;
import io.feedbackbot.reports.time.ReportingCalendar;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReportBuilderTest {

    private final MemoryCounters counters = new MemoryCounters();
    private final ReportBuilder builder = new ReportBuilder(counters,
            AreaMap.of(Map.of("SH-1", "east", "SH-2", "east", "BJ-1", "north")));

    @BeforeEach
    void answers() {
        List<Stored<AnswerRecord>> answers = new ArrayList<>();
        // February: SH-1 gets 10, 9, 3 (NPS +33.3); March: SH-1 [1,7,7,8,9,10] (+16.7), SH-2 four 10s, BJ-1 one 0
        answers.add(nps("f1", 10, "SH-1", "2025-02-10T02:00:00Z"));
        answers.add(nps("f2", 9, "SH-1", "2025-02-11T02:00:00Z"));
        answers.add(nps("f3", 3, "SH-1", "2025-02-12T02:00:00Z"));
        int i = 0;
        for (int score : new int[] {1, 7, 7, 8, 9, 10}) {
            answers.add(nps("m" + i, score, "SH-1", "2025-03-0" + (1 + i++) + "T02:00:00Z"));
        }
        for (int k = 0; k < 4; k++) {
            answers.add(nps("s" + k, 10, "SH-2", "2025-03-10T02:00:00Z"));
        }
        answers.add(nps("b1", 0, "BJ-1", "2025-03-31T16:30:00Z")); // 1 April in Shanghai: outside March
        answers.add(nps("b2", 0, "BJ-1", "2025-03-20T02:00:00Z"));
        AggregationPlanner planner = new AggregationPlanner(new ReportingCalendar(ZoneId.of("Asia/Shanghai")),
                new Dimensions(List.of()), 0.7);
        counters.apply(planner.planAnswers(answers, Map.of()).counts());
    }

    private static ReportRequest request(String groupBy, String from, String to, Granularity interval, String compareFrom,
                                     String compareTo, GroupOrder order) {
        return new ReportRequest(Metric.NPS, "s1", "recommend", Scale.NPS, groupBy,
                new DateRange(LocalDate.parse(from), LocalDate.parse(to)), interval,
                compareFrom == null ? null : new DateRange(LocalDate.parse(compareFrom), LocalDate.parse(compareTo)),
                3, order, 0);
    }

    private static MetricResult.Nps result(Report.Slice slice) {
        return (MetricResult.Nps) slice.result();
    }

    @Test
    void npsByStoreForAMonthAddsUpToTheTotal() {
        Report report = builder.build(request("store", "2025-03-01", "2025-03-31", null, null, null, GroupOrder.NAME));

        assertEquals(List.of("BJ-1", "SH-1", "SH-2"), report.groups().stream().map(Report.Group::key).toList());
        assertEquals(16.67, result(report.groups().get(1).current()).nps().rounded(2).value());
        assertEquals(100.0, result(report.groups().get(2).current()).nps().value());
        assertEquals(11, report.total().result().n());
        assertEquals(1, report.groups().get(0).current().result().n(), "the 1 April answer is outside March");
        assertTrue(report.groups().get(0).current().result().tooFewAnswers());
    }

    @Test
    void aWeeklyTrendHasOnePointPerMondayWeek() {
        Report report = builder.build(request(null, "2025-03-01", "2025-03-31", Granularity.WEEK, null, null, GroupOrder.COUNT));

        assertEquals(List.of("2025-02-24", "2025-03-03", "2025-03-10", "2025-03-17", "2025-03-24", "2025-03-31"),
                report.trend().stream().map(Report.Point::period).toList());
        // 1–2 March: scores 1, 7; 3–9 March: 7, 8, 9, 10
        assertEquals(2, report.trend().get(0).slice().result().n());
        assertEquals(4, report.trend().get(1).slice().result().n());
        assertNull(report.trend().get(5).slice().result().headline(), "nothing on 31 March in Shanghai");
        assertTrue(report.groups().isEmpty());
    }

    @Test
    void twoPeriodsSideBySide() {
        Report report = builder.build(request("store", "2025-03-01", "2025-03-31", null, "2025-02-01", "2025-02-28",
                GroupOrder.NAME));

        assertEquals(3, report.compareTotal().result().n());
        Report.Group sh1 = report.groups().get(1);
        assertEquals(33.33, result(sh1.compared()).nps().rounded(2).value());
        assertEquals(0, report.groups().get(2).compared().result().n(), "SH-2 had no answers in February");
    }

    @Test
    void areasAreStoresRegroupedAtQueryTime() {
        Report report = builder.build(request("area", "2025-03-01", "2025-03-31", null, null, null, GroupOrder.NAME));

        assertEquals(List.of("east", "north"), report.groups().stream().map(Report.Group::key).toList());
        assertEquals(10, report.groups().get(0).current().result().n());
    }

    @Test
    void worstFirstKeepsSlicesWithTooFewAnswersLast() {
        Report report = builder.build(request("store", "2025-03-01", "2025-03-31", null, null, null, GroupOrder.WORST));

        assertEquals(List.of("SH-1", "SH-2", "BJ-1"), report.groups().stream().map(Report.Group::key).toList(),
                "BJ-1 is -100 but on one answer");
    }

    @Test
    void groupTrendsFollowTheBreakdown() {
        Report report = builder.build(request("store", "2025-03-01", "2025-03-31", Granularity.MONTH, null, null, GroupOrder.NAME));

        assertEquals(6, report.groups().get(1).trend().get(0).slice().result().n());
    }

    @Test
    void theTableHasATotalRowThenGroups() {
        List<List<String>> rows = ReportTable.rows(builder.build(request("store", "2025-03-01", "2025-03-31", null, null,
                null, GroupOrder.NAME)));

        assertEquals(List.of("survey", "metric", "question", "range", "from", "to", "period", "store", "n", "value",
                "ci_low", "ci_high", "too_few_answers", "promoters", "passives", "detractors"), rows.get(0));
        assertEquals(List.of("s1", "nps", "recommend", "current", "2025-03-01", "2025-03-31", "", "(all)", "11",
                "36.36", "-9.22", "81.95", "false", "6", "3", "2"), rows.get(1));
        assertEquals("BJ-1", rows.get(2).get(7));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} -> {1}")
    @org.junit.jupiter.params.provider.CsvSource({"-9.2225, -9.22", "81.949, 81.95", "0.05, 0.05", "100, 100.00",
            "-0.004, 0.00", "3.1, 3.10", "-100, -100.00"})
    void numbersHaveTwoDecimalsAndADot(double value, String text) {
        assertEquals(text, ReportTable.number(value));
    }
}
