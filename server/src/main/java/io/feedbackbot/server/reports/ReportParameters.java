package io.feedbackbot.server.reports;

import io.feedbackbot.dialogs.survey.Step;
import io.feedbackbot.dialogs.survey.SurveyCatalog;
import io.feedbackbot.dialogs.survey.SurveyDefinition;
import io.feedbackbot.reports.aggregate.Cell;
import io.feedbackbot.reports.aggregate.Dimensions;
import io.feedbackbot.reports.query.GroupOrder;
import io.feedbackbot.reports.query.ReportRequest;
import io.feedbackbot.reports.stats.Metric;
import io.feedbackbot.reports.stats.Scale;
import io.feedbackbot.reports.time.DateRange;
import io.feedbackbot.reports.time.Granularity;
import io.feedbackbot.server.http.HttpError;
import io.feedbackbot.server.http.Request;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Turns the query of {@code GET /api/v1/reports/{metric}} into a {@link ReportRequest}, answering 400 with a
 * one-line reason for anything it cannot use. Dates are days in the reporting time zone, both ends included;
 * without them the report covers the last 30 days up to today.
 */
final class ReportParameters {

    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 3 * 366;
    static final int MAX_DAILY_POINTS = 400;

    private final SurveyCatalog catalog;
    private final Dimensions dimensions;
    private final ZoneId zone;
    private final int minAnswers;
    private final Clock clock;

    ReportParameters(SurveyCatalog catalog, Dimensions dimensions, ZoneId zone, int minAnswers, Clock clock) {
        this.catalog = catalog;
        this.dimensions = dimensions;
        this.zone = zone;
        this.minAnswers = minAnswers;
        this.clock = clock;
    }

    /** The request and whether its breakdown needs a scan (an attribute that is not counted). */
    record Parsed(ReportRequest request, boolean scan) {
    }

    Parsed parse(String metricId, Request r) {
        Metric metric = Metric.fromId(metricId).orElseThrow(() -> HttpError.notFound("unknown report '" + metricId
                + "' (nps, csat, ces, response-rate)"));
        SurveyDefinition survey = survey(r);
        String series = Cell.RUNS;
        Scale scale = null;
        if (metric.questionType() != null) {
            Step step = question(survey, metric, r.queryParam("question"));
            series = step.id();
            scale = new Scale(step.type().min(), step.type().max());
        }
        String groupBy = r.queryParam("groupBy").filter(g -> !g.isBlank()).orElse(null);
        boolean scan = false;
        if (groupBy != null && !groupBy.equals(ReportRequest.AREA) && !dimensions.counted(groupBy)) {
            if (!groupBy.matches("[A-Za-z0-9_.-]{1,40}")) {
                throw HttpError.badRequest("groupBy must be area, " + String.join(", ", dimensions.names().subList(1,
                        dimensions.names().size())) + " or an invitation attribute name");
            }
            scan = true;
        }
        DateRange range = range(r, "from", "to", true);
        Granularity interval = r.queryParam("interval").filter(i -> !i.isBlank()).map(i -> Granularity.fromId(i)
                .orElseThrow(() -> HttpError.badRequest("interval must be day, week or month"))).orElse(null);
        if (interval == Granularity.DAY && range.days() > MAX_DAILY_POINTS) {
            throw HttpError.badRequest("a daily trend covers at most " + MAX_DAILY_POINTS + " days; use week or month");
        }
        DateRange compare = r.queryParam("compareFrom").isPresent() || r.queryParam("compareTo").isPresent()
                ? range(r, "compareFrom", "compareTo", false) : null;
        GroupOrder order = r.queryParam("sort").map(s -> GroupOrder.fromId(s).orElseThrow(() ->
                HttpError.badRequest("sort must be count, worst, best or name"))).orElse(GroupOrder.COUNT);
        int limit = r.queryParam("limit").map(ReportParameters::limit).orElse(0);
        return new Parsed(new ReportRequest(metric, survey.id(), series, scale, groupBy, range, interval, compare,
                minAnswers, order, limit), scan);
    }

    SurveyDefinition survey(Request r) {
        String id = r.queryParam("survey").orElseThrow(() -> HttpError.badRequest("the survey query parameter is required"));
        return catalog.survey(id).orElseThrow(() -> HttpError.notFound("unknown survey '" + id + "'"));
    }

    private static Step question(SurveyDefinition survey, Metric metric, Optional<String> asked) {
        if (asked.isPresent() && !asked.get().isBlank()) {
            Step step = survey.step(asked.get()).orElseThrow(() -> HttpError.badRequest("survey '" + survey.id()
                    + "' has no question '" + asked.get() + "'"));
            if (!step.type().id().equals(metric.questionType())) {
                throw HttpError.badRequest("question '" + step.id() + "' is " + step.type().id() + ", not " + metric.id());
            }
            return step;
        }
        return survey.steps().stream().filter(s -> s.type().id().equals(metric.questionType())).findFirst()
                .orElseThrow(() -> HttpError.badRequest("survey '" + survey.id() + "' has no " + metric.id() + " question"));
    }

    /** A date range from two parameters; the current one defaults to the last 30 days. */
    DateRange range(Request r, String fromName, String toName, boolean defaults) {
        Optional<String> fromText = r.queryParam(fromName).filter(s -> !s.isBlank());
        Optional<String> toText = r.queryParam(toName).filter(s -> !s.isBlank());
        if (!defaults && (fromText.isEmpty() || toText.isEmpty())) {
            throw HttpError.badRequest(fromName + " and " + toName + " go together");
        }
        LocalDate to = toText.map(t -> date(toName, t)).orElse(LocalDate.ofInstant(clock.instant(), zone));
        LocalDate from = fromText.map(t -> date(fromName, t)).orElse(to.minusDays(DEFAULT_DAYS - 1));
        if (to.isBefore(from)) {
            throw HttpError.badRequest(toName + " (" + to + ") is before " + fromName + " (" + from + ")");
        }
        DateRange range = new DateRange(from, to);
        if (range.days() > MAX_DAYS) {
            throw HttpError.badRequest("a report covers at most " + MAX_DAYS + " days");
        }
        return range;
    }

    private static LocalDate date(String name, String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw HttpError.badRequest(name + " must be a date like 2025-03-31, not '" + text + "'");
        }
    }

    private static int limit(String text) {
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 0 && n <= 100_000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw HttpError.badRequest("limit must be a number from 0 (all) to 100000");
    }
}
