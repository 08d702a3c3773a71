package io.feedbackbot.server.reports;

import io.feedbackbot.reports.query.Report;
import io.feedbackbot.reports.query.ReportRequest;
import io.feedbackbot.reports.query.ReportTable;
import io.feedbackbot.reports.stats.Estimate;
import io.feedbackbot.reports.stats.MetricResult;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shape of a report. Every slice has the same head ({@code n}, {@code value}, {@code low}, {@code high},
 * {@code tooFewAnswers}; value and interval are null for an empty slice) followed by the metric's own counts, so
 * a page can draw any metric with one code path. Numbers are rounded to two decimals. Only the totals carry
 * their score distribution (a breakdown by 3,500 stores stays small).
 */
final class ReportJson {

    private ReportJson() {
    }

    static Map<String, Object> of(Report report, ZoneId zone, boolean upToDate, boolean scanned) {
        ReportRequest q = report.request();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("metric", q.metric().id());
        out.put("survey", q.survey());
        out.put("question", q.scale() == null ? null : q.series());
        out.put("scale", q.scale() == null ? null : q.scale().toString());
        out.put("groupBy", q.groupBy());
        out.put("interval", q.interval() == null ? null : q.interval().id());
        out.put("from", q.range().from().toString());
        out.put("to", q.range().to().toString());
        Map<String, Object> compare = new LinkedHashMap<>();
        if (q.compare() != null) {
            compare.put("from", q.compare().from().toString());
            compare.put("to", q.compare().to().toString());
        }
        out.put("compare", q.compare() == null ? null : compare);
        out.put("timeZone", zone.getId());
        out.put("minAnswers", q.minAnswers());
        out.put("source", scanned ? "scan" : "counters");
        out.put("upToDate", upToDate);
        out.put("total", slice(report.total(), true));
        out.put("trend", report.trend().stream().map(ReportJson::point).toList());
        if (q.groupBy() != null) {
            out.put("groups", report.groups().stream().map(g -> group(g, q)).toList());
        }
        if (report.compareTotal() != null) {
            out.put("compareTotal", slice(report.compareTotal(), true));
        }
        return out;
    }

    private static Map<String, Object> group(Report.Group g, ReportRequest q) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("key", g.key());
        out.put("label", ReportTable.label(g.key()));
        out.putAll(slice(g.current(), false));
        if (g.compared() != null) {
            out.put("compared", slice(g.compared(), false));
        }
        if (q.interval() != null) {
            out.put("trend", g.trend().stream().map(ReportJson::point).toList());
        }
        return out;
    }

    private static Map<String, Object> point(Report.Point p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("period", p.period());
        out.put("from", p.days().from().toString());
        out.put("to", p.days().to().toString());
        out.putAll(slice(p.slice(), false));
        return out;
    }

    static Map<String, Object> slice(Report.Slice slice, boolean withCounts) {
        MetricResult r = slice.result();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("n", r.n());
        Estimate e = r.headline() == null ? null : r.headline().rounded(2);
        out.put("value", e == null ? null : e.value());
        out.put("low", e == null ? null : e.low());
        out.put("high", e == null ? null : e.high());
        out.put("tooFewAnswers", r.tooFewAnswers());
        if (r instanceof MetricResult.Nps n) {
            out.put("promoters", n.promoters());
            out.put("passives", n.passives());
            out.put("detractors", n.detractors());
        } else if (r instanceof MetricResult.Csat c) {
            out.put("satisfied", c.satisfied());
            out.put("mean", c.mean() == null ? null : Math.round(c.mean() * 100) / 100.0);
        } else if (r instanceof MetricResult.Ces c) {
            out.put("easy", c.easy());
            out.put("easyPercent", estimate(c.easyPercent()));
        } else if (r instanceof MetricResult.ResponseRate rr) {
            out.put("delivered", rr.delivered());
            out.put("responded", rr.responded());
            out.put("completed", rr.completed());
            out.put("completionRate", estimate(rr.completionRate()));
        }
        if (withCounts && !(r instanceof MetricResult.ResponseRate)) {
            out.put("distribution", toList(slice.counts()));
        }
        return out;
    }

    private static Map<String, Object> estimate(Estimate e) {
        if (e == null) {
            return null;
        }
        Estimate r = e.rounded(2);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("value", r.value());
        out.put("low", r.low());
        out.put("high", r.high());
        return out;
    }

    private static List<Long> toList(long[] counts) {
        return java.util.Arrays.stream(counts).boxed().toList();
    }
}
