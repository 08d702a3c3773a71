package io.feedbackbot.server.reports;

import io.feedbackbot.dialogs.survey.SurveyCatalog;
import io.feedbackbot.dialogs.survey.SurveyDefinition;
import io.feedbackbot.reports.aggregate.Dimensions;
import io.feedbackbot.reports.query.Report;
import io.feedbackbot.reports.query.ReportBuilder;
import io.feedbackbot.reports.query.ReportRequest;
import io.feedbackbot.reports.query.ReportTable;
import io.feedbackbot.server.api.ApiAuth;
import io.feedbackbot.server.api.CsvWriter;
import io.feedbackbot.server.http.HttpError;
import io.feedbackbot.server.http.Reply;
import io.feedbackbot.server.http.Request;
import io.feedbackbot.server.http.Responses;
import io.feedbackbot.server.http.Router;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * {@code GET /api/v1/reports/{nps|csat|ces|response-rate}} as JSON or CSV, and {@code GET /api/v1/reports/surveys}
 * (what the dashboard can ask for). Reports are computed on a worker thread, never on the event loop; the
 * {@code Server-Timing} header says how long one took on the server.
 */
public final class ReportRoutes {

    private final ReportParameters parameters;
    private final ReportBuilder counted;
    private final Function<String, ReportBuilder> scanning;
    private final Predicate<String> caughtUp;
    private final SurveyCatalog catalog;
    private final Dimensions dimensions;
    private final ZoneId zone;
    private final Clock clock;
    private final Executor blocking;

    /**
     * @param scanning a builder that scans stored answers for an attribute that is not counted
     * @param caughtUp whether every stored answer of a survey has been counted
     */
    public ReportRoutes(SurveyCatalog catalog, Dimensions dimensions, ZoneId zone, int minAnswers, Clock clock,
                        ReportBuilder counted, Function<String, ReportBuilder> scanning, Predicate<String> caughtUp,
                        Executor blocking) {
        this.parameters = new ReportParameters(catalog, dimensions, zone, minAnswers, clock);
        this.counted = counted;
        this.scanning = scanning;
        this.caughtUp = caughtUp;
        this.catalog = catalog;
        this.dimensions = dimensions;
        this.zone = zone;
        this.clock = clock;
        this.blocking = blocking;
    }

    public void register(Router router, ApiAuth auth) {
        router.add(HttpMethod.GET, "/api/v1/reports/surveys", auth.require(ApiAuth.RESULTS, r -> Responses.done(
                Responses.json(HttpResponseStatus.OK, surveys()))));
        router.add(HttpMethod.GET, "/api/v1/reports/{metric}", auth.require(ApiAuth.RESULTS, this::report));
    }

    private CompletableFuture<Reply> report(Request request) {
        ReportParameters.Parsed parsed = parameters.parse(request.pathParam("metric"), request);
        String format = request.queryParam("format").orElse("json");
        if (!format.equals("json") && !format.equals("csv")) {
            throw HttpError.badRequest("format must be json or csv");
        }
        ReportRequest q = parsed.request();
        return CompletableFuture.supplyAsync(() -> {
            long started = System.nanoTime();
            Reply.Full reply = render(q, parsed.scan(), format);
            return reply.withHeader("Server-Timing", String.format(java.util.Locale.ROOT, "report;dur=%.1f",
                    (System.nanoTime() - started) / 1e6));
        }, blocking);
    }

    /** Computes the report and renders it (on a worker thread). */
    private Reply.Full render(ReportRequest q, boolean scan, String format) {
        Report report = (scan ? scanning.apply(q.groupBy()) : counted).build(q);
        if (format.equals("csv")) {
            StringBuilder csv = new StringBuilder(CsvWriter.BOM);
            ReportTable.rows(report).forEach(row -> csv.append(CsvWriter.row(row)));
            String name = q.metric().id() + "-" + q.survey() + (q.groupBy() == null ? "" : "-by-" + q.groupBy())
                    + "-" + q.range().from() + "-" + q.range().to() + ".csv";
            return new Reply.Full(HttpResponseStatus.OK, "text/csv; charset=utf-8",
                    csv.toString().getBytes(StandardCharsets.UTF_8),
                    Map.of("Content-Disposition", "attachment; filename=\"" + name + "\""));
        }
        return Responses.json(HttpResponseStatus.OK, ReportJson.of(report, zone, caughtUp.test(q.survey()), scan));
    }

    private Map<String, Object> surveys() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (SurveyDefinition s : catalog.surveys()) {
            Map<String, Object> survey = new LinkedHashMap<>();
            survey.put("id", s.id());
            survey.put("title", Map.of("zh-CN", s.title().in(io.feedbackbot.core.conversation.Language.ZH_CN),
                    "en", s.title().in(io.feedbackbot.core.conversation.Language.EN)));
            survey.put("questions", s.steps().stream().map(step -> Map.of("id", step.id(), "type", step.type().id(),
                    "scale", step.type().scored() ? step.type().scale() : "")).toList());
            list.add(survey);
        }
        list.sort((a, b) -> ((String) a.get("id")).compareTo((String) b.get("id")));
        List<String> groupBy = new ArrayList<>(dimensions.names().subList(1, dimensions.names().size()));
        groupBy.add(ReportRequest.AREA);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("surveys", list);
        out.put("groupBy", groupBy);
        out.put("timeZone", zone.getId());
        out.put("today", LocalDate.ofInstant(clock.instant(), zone).toString());
        return out;
    }
}
