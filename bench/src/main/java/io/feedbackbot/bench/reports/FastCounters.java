package io.feedbackbot.bench.reports;

import io.feedbackbot.core.answer.AnswerRecord;
import io.feedbackbot.core.answer.SurveyEvent;
import io.feedbackbot.reports.aggregate.Cell;
import io.feedbackbot.reports.aggregate.Dimensions;
import io.feedbackbot.reports.aggregate.Stored;
import io.feedbackbot.reports.stats.RunCounts;
import io.feedbackbot.reports.time.Bucket;
import io.feedbackbot.reports.time.Granularity;
import io.feedbackbot.reports.time.ReportingCalendar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The same counters as {@link io.feedbackbot.reports.aggregate.AggregationPlanner} would file for the synthetic
 * runs, computed with arrays (day × dimension value × slot) instead of one map update per cell, so ten million
 * answers load in minutes on two cores. {@link ReportsBench} checks it against the planner on a sample first.
 */
final class FastCounters {

    private final ReportingCalendar calendar;
    private final LocalDate firstDay;
    private final int days;
    private final Map<String, Integer> values = new LinkedHashMap<>();
    private final List<String[]> valueNames = new ArrayList<>();
    private final Map<Integer, long[][]> ratings = new HashMap<>();
    private final Map<Integer, long[][]> runs = new HashMap<>();

    FastCounters(ReportingCalendar calendar, LocalDate firstDay, int days) {
        this.calendar = calendar;
        this.firstDay = firstDay;
        this.days = days;
    }

    private int value(String dimension, String value) {
        return values.computeIfAbsent(dimension + "\u0000" + value, k -> {
            valueNames.add(new String[] {dimension, value});
            return valueNames.size() - 1;
        });
    }

    private long[] slot(Map<Integer, long[][]> table, int value, LocalDate day, int width) {
        int d = (int) (day.toEpochDay() - firstDay.toEpochDay());
        if (d < 0 || d >= days) {
            throw new IllegalArgumentException(day + " is outside the loaded period");
        }
        long[][] byDay = table.computeIfAbsent(value, v -> new long[days][]);
        if (byDay[d] == null) {
            byDay[d] = new long[width];
        }
        return byDay[d];
    }

    private int[] dims(String channel, String campaign, Map<String, String> context) {
        return new int[] {value(Dimensions.ALL, Dimensions.ALL), value(Dimensions.CHANNEL, channel),
                value(Dimensions.CAMPAIGN, campaign == null ? "" : campaign), value("store", context.getOrDefault("store", "")),
                value("touchpoint", context.getOrDefault("touchpoint", "")), value("agent", context.getOrDefault("agent", ""))};
    }

    /** Runs of the synthetic data: every answered run answers once, so each answer is also its run's response. */
    void add(SyntheticRuns.Batch batch) {
        for (Stored<SurveyEvent> s : batch.events()) {
            SurveyEvent e = s.value();
            int slot = e.type() == SurveyEvent.Type.STARTED ? RunCounts.DELIVERED : RunCounts.slotOf(e.status());
            LocalDate day = calendar.day(e.at());
            for (int v : dims(e.key().channel(), e.campaignId(), e.context())) {
                slot(runs, v, day, RunCounts.WIDTH)[slot]++;
            }
        }
        for (Stored<AnswerRecord> s : batch.answers()) {
            AnswerRecord a = s.value();
            LocalDate day = calendar.day(a.answeredAt());
            for (int v : dims(a.key().channel(), a.campaignId(), a.context())) {
                slot(ratings, v, day, 11)[a.score()]++;
                slot(runs, v, day, RunCounts.WIDTH)[RunCounts.RESPONDED]++;
            }
        }
    }

    /** Every cell with its counts, days summed into weeks and months. */
    void forEachCell(BiConsumer<Cell, long[]> consumer) {
        emit("recommend", ratings, 11, consumer);
        emit(Cell.RUNS, runs, RunCounts.WIDTH, consumer);
    }

    private void emit(String series, Map<Integer, long[][]> table, int width, BiConsumer<Cell, long[]> consumer) {
        table.forEach((v, byDay) -> {
            String[] name = valueNames.get(v);
            Map<Bucket, long[]> sums = new LinkedHashMap<>();
            for (int d = 0; d < days; d++) {
                if (byDay[d] == null) {
                    continue;
                }
                LocalDate day = firstDay.plusDays(d);
                for (Granularity g : Granularity.values()) {
                    long[] into = sums.computeIfAbsent(Bucket.containing(g, day), b -> new long[width]);
                    for (int i = 0; i < width; i++) {
                        into[i] += byDay[d][i];
                    }
                }
            }
            sums.forEach((bucket, counts) -> consumer.accept(new Cell(series, name[0], bucket, name[1]), counts));
        });
    }
}
