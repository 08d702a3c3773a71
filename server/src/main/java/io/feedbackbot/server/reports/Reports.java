package io.feedbackbot.server.reports;

import io.feedbackbot.config.FeedbackbotSettings;
import io.feedbackbot.config.ReportsSettings;
import io.feedbackbot.dialogs.survey.SurveyCatalog;
import io.feedbackbot.dialogs.survey.SurveyDefinition;
import io.feedbackbot.redis.RedisKeys;
import io.feedbackbot.reports.aggregate.AggregationPlanner;
import io.feedbackbot.reports.aggregate.Dimensions;
import io.feedbackbot.reports.query.AreaMap;
import io.feedbackbot.reports.query.ReportBuilder;
import io.feedbackbot.reports.time.ReportingCalendar;
import io.feedbackbot.server.api.ApiAuth;
import io.feedbackbot.server.http.Router;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import redis.clients.jedis.UnifiedJedis;

/**
 * The results feature wired together: the aggregator that keeps counters, the live-update channel, and the
 * report, theme and drill-down routes. One per node; {@link #close()} stops its threads.
 */
public final class Reports implements AutoCloseable {

    /** How often each node looks for answers to count (a new answer shows on dashboards within about this). */
    public static final Duration POLL = Duration.ofMillis(250);

    private final ReportAggregator aggregator;
    private final ReportUpdates updates;
    private final ReportRoutes reportRoutes;
    private final ThemeRoutes themeRoutes;
    private final TicketDrillDown tickets;

    private Reports(ReportAggregator aggregator, ReportUpdates updates, ReportRoutes reportRoutes,
                    ThemeRoutes themeRoutes, TicketDrillDown tickets) {
        this.aggregator = aggregator;
        this.updates = updates;
        this.reportRoutes = reportRoutes;
        this.themeRoutes = themeRoutes;
        this.tickets = tickets;
    }

    /**
     * Builds and starts the feature.
     *
     * @param areas the organisation's store → area mapping ({@link AreaMap#NONE} until one is configured)
     * @param node  this process's unique name (aggregation leases)
     */
    public static Reports start(UnifiedJedis redis, RedisKeys redisKeys, FeedbackbotSettings settings,
                                SurveyCatalog catalog, AreaMap areas, Clock clock, Executor blocking, String node) {
        ReportsSettings rs = settings.reports();
        ReportKeys keys = new ReportKeys(redisKeys);
        ReportingCalendar calendar = new ReportingCalendar(rs.timeZone());
        Dimensions dimensions = new Dimensions(rs.attributes());
        double threshold = settings.complaints().threshold();
        RedisCounterStore store = new RedisCounterStore(redis, keys, calendar, settings.redis().answerRetention(),
                rs.lowTextsKept());
        List<String> surveys = catalog.surveys().stream().map(SurveyDefinition::id).sorted().toList();
        ReportAggregator aggregator = new ReportAggregator(redis, keys, store,
                new AggregationPlanner(calendar, dimensions, threshold), () -> surveys, node).start(POLL);
        ReportUpdates updates;
        try {
            updates = new ReportUpdates(redis, keys);
        } catch (RuntimeException e) {
            aggregator.close();
            throw e;
        }
        ReportParameters parameters = new ReportParameters(catalog, dimensions, rs.timeZone(), rs.minAnswers(), clock);
        ReportRoutes reportRoutes = new ReportRoutes(catalog, dimensions, rs.timeZone(), rs.minAnswers(), clock,
                new ReportBuilder(store, areas), attribute -> new ReportBuilder(new ScanCounterReader(redis, keys,
                calendar, attribute, threshold), areas), aggregator::caughtUp, blocking);
        return new Reports(aggregator, updates, reportRoutes,
                new ThemeRoutes(redis, keys, store, parameters, calendar, blocking),
                new TicketDrillDown(redis, keys, parameters, calendar, blocking));
    }

    /** Registers the API routes (more specific paths before {@code /api/v1/reports/{metric}}). */
    public void register(Router router, ApiAuth auth) {
        updates.register(router, auth);
        themeRoutes.register(router, auth);
        tickets.register(router, auth);
        reportRoutes.register(router, auth);
    }

    public ReportAggregator aggregator() {
        return aggregator;
    }

    public ReportUpdates updates() {
        return updates;
    }

    @Override
    public void close() {
        aggregator.close();
        updates.close();
    }
}
