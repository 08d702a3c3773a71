package io.feedbackbot.reports.query;

import io.feedbackbot.reports.stats.Estimate;
import io.feedbackbot.reports.stats.Metric;
import io.feedbackbot.reports.stats.MetricResult;
import java.util.ArrayList;
import java.util.List;

/**
 * A report as one flat table (header first) for CSV: a row per (range, period, group) with n, the value, its
 * interval, the "too few answers" flag and the metric's own counts. The whole-range total has an empty period
 * and the group {@code (all)}; answers without the dimension's value are the group {@code (none)}. Pure.
 */
public final class ReportTable {

    private ReportTable() {
    }

    public static List<List<String>> rows(Report report) {
        Metric metric = report.request().metric();
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("survey", "metric", "question", "range", "from", "to", "period",
                report.request().groupBy() == null ? "group" : report.request().groupBy(), "n", "value", "ci_low",
                "ci_high", "too_few_answers"));
        header.addAll(detailNames(metric));
        rows.add(header);
        ReportRequest q = report.request();
        add(rows, q, "current", "", "(all)", report.total());
        for (Report.Point p : report.trend()) {
            add(rows, q, "current", p.period(), "(all)", p.slice());
        }
        for (Report.Group g : report.groups()) {
            add(rows, q, "current", "", label(g.key()), g.current());
            for (Report.Point p : g.trend()) {
                add(rows, q, "current", p.period(), label(g.key()), p.slice());
            }
        }
        if (report.compareTotal() != null) {
            add(rows, q, "compare", "", "(all)", report.compareTotal());
            for (Report.Group g : report.groups()) {
                add(rows, q, "compare", "", label(g.key()), g.compared());
            }
        }
        return rows;
    }

    /** How a group key is shown: the empty value is {@code (none)}. */
    public static String label(String key) {
        return key.isEmpty() ? "(none)" : key;
    }

    private static void add(List<List<String>> rows, ReportRequest q, String range, String period, String group,
                            Report.Slice slice) {
        boolean current = range.equals("current");
        MetricResult r = slice.result();
        List<String> row = new ArrayList<>(List.of(q.survey(), q.metric().id(),
                q.series().startsWith("_") ? "" : q.series(), range,
                (current ? q.range() : q.compare()).from().toString(), (current ? q.range() : q.compare()).to().toString(),
                period, group, Long.toString(r.n())));
        Estimate e = r.headline();
        row.add(e == null ? "" : number(e.value()));
        row.add(e == null ? "" : number(e.low()));
        row.add(e == null ? "" : number(e.high()));
        row.add(Boolean.toString(r.tooFewAnswers()));
        row.addAll(details(r));
        rows.add(row);
    }

    private static List<String> detailNames(Metric metric) {
        return switch (metric) {
            case NPS -> List.of("promoters", "passives", "detractors");
            case CSAT -> List.of("satisfied", "mean");
            case CES -> List.of("easy", "easy_pct", "easy_ci_low", "easy_ci_high");
            case RESPONSE_RATE -> List.of("delivered", "responded", "completed", "completion_rate",
                    "completion_ci_low", "completion_ci_high");
        };
    }

    private static List<String> details(MetricResult r) {
        if (r instanceof MetricResult.Nps n) {
            return List.of(Long.toString(n.promoters()), Long.toString(n.passives()), Long.toString(n.detractors()));
        } else if (r instanceof MetricResult.Csat c) {
            return List.of(Long.toString(c.satisfied()), c.mean() == null ? "" : number(c.mean()));
        } else if (r instanceof MetricResult.Ces c) {
            List<String> out = new ArrayList<>(List.of(Long.toString(c.easy())));
            out.addAll(estimate(c.easyPercent()));
            return out;
        } else {
            MetricResult.ResponseRate rr = (MetricResult.ResponseRate) r;
            List<String> out = new ArrayList<>(List.of(Long.toString(rr.delivered()), Long.toString(rr.responded()),
                    Long.toString(rr.completed())));
            out.addAll(estimate(rr.completionRate()));
            return out;
        }
    }

    private static List<String> estimate(Estimate e) {
        return e == null ? List.of("", "", "") : List.of(number(e.value()), number(e.low()), number(e.high()));
    }

    /** Two decimals, a dot as separator whatever the machine's locale (without String.format: reports have thousands). */
    public static String number(double value) {
        long cents = Math.round(value * 100);
        long abs = Math.abs(cents);
        String sign = cents < 0 ? "-" : "";
        long fraction = abs % 100;
        return sign + (abs / 100) + (fraction < 10 ? ".0" : ".") + fraction;
    }
}
