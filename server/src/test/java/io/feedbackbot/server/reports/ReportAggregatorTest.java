package io.feedbackbot.server.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feedbackbot.core.answer.AnswerRecord;
import io.feedbackbot.core.answer.AnswerStatus;
import io.feedbackbot.core.answer.SurveyEvent;
import io.feedbackbot.core.conversation.ConversationKey;
import io.feedbackbot.core.conversation.Language;
import io.feedbackbot.core.conversation.SurveyStatus;
import io.feedbackbot.redis.RedisKeys;
import io.feedbackbot.redis.answer.AnswerStreamCodec;
import io.feedbackbot.redis.testing.TestRedis;
import io.feedbackbot.reports.aggregate.AggregationPlanner;
import io.feedbackbot.reports.aggregate.Cell;
import io.feedbackbot.reports.aggregate.Dimensions;
import io.feedbackbot.reports.query.AreaMap;
import io.feedbackbot.reports.query.GroupOrder;
import io.feedbackbot.reports.query.Report;
import io.feedbackbot.reports.query.ReportBuilder;
import io.feedbackbot.reports.query.ReportRequest;
import io.feedbackbot.reports.stats.Metric;
import io.feedbackbot.reports.stats.MetricResult;
import io.feedbackbot.reports.stats.Scale;
import io.feedbackbot.reports.time.Bucket;
import io.feedbackbot.reports.time.DateRange;
import io.feedbackbot.reports.time.Granularity;
import io.feedbackbot.reports.time.ReportingCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.XAddParams;

/** The aggregator against a real Redis, fed through the answer and milestone streams as the engine writes them. */
class ReportAggregatorTest {

    private final UnifiedJedis redis = TestRedis.client();
    private final RedisKeys redisKeys = TestRedis.freshKeys();
    private final ReportKeys keys = new ReportKeys(redisKeys);
    private final ReportingCalendar calendar = new ReportingCalendar(ZoneId.of("Asia/Shanghai"));
    private final RedisCounterStore store = new RedisCounterStore(redis, keys, calendar, Duration.ofDays(3650), 1000);
    private final AggregationPlanner planner = new AggregationPlanner(calendar, new Dimensions(List.of()), 0.7);
    private final ReportAggregator aggregator = new ReportAggregator(redis, keys, store, planner, () -> List.of("s1"), "node-a");

    private void answer(String invitation, String question, String type, Integer score, String text, String store, String at) {
        AnswerRecord a = new AnswerRecord(AnswerRecord.idFor(invitation, question), "s1", invitation, null, question, type,
                score == null ? null : type.equals("nps") ? "0-10" : "1-5", score == null ? text : score.toString(), score,
                AnswerStatus.ANSWERED, text, Language.ZH_CN, new ConversationKey("webchat", "demo", "c-" + invitation),
                Map.of("store", store), null, Instant.parse(at), null, null);
        xadd(redisKeys.survey("s1", "answers"), AnswerStreamCodec.fields(a));
    }

    private void milestone(String invitation, SurveyStatus ended, String store, String at) {
        SurveyEvent e = new SurveyEvent(ended == null ? SurveyEvent.Type.STARTED : SurveyEvent.Type.ENDED, "s1",
                invitation, null, new ConversationKey("webchat", "demo", "c-" + invitation), ended, Map.of("store", store),
                Instant.parse(at));
        xadd(redisKeys.survey("s1", "events"), AnswerStreamCodec.fields(e));
    }

    private void xadd(String stream, List<String> fields) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i += 2) {
            map.put(fields.get(i), fields.get(i + 1));
        }
        redis.xadd(stream, XAddParams.xAddParams().id(StreamEntryID.NEW_ENTRY), map);
    }

    private Report report(Metric metric, String series, Scale scale, String groupBy) {
        return new ReportBuilder(store, AreaMap.NONE).build(new ReportRequest(metric, "s1", series, scale, groupBy,
                new DateRange(LocalDate.parse("2025-03-01"), LocalDate.parse("2025-03-31")), null, null, 1,
                GroupOrder.NAME, 0));
    }

    @Test
    void storedAnswersAreCountedOnceEachInTheirDayWeekAndMonth() {
        answer("i1", "recommend", "nps", 10, "10", "SH-1", "2025-03-03T02:00:00Z");
        answer("i2", "recommend", "nps", 3, "3", "SH-1", "2025-03-04T02:00:00Z");
        answer("i3", "recommend", "nps", 8, "8", "SH-2", "2025-03-20T02:00:00Z");

        assertEquals(3, aggregator.runOnce());
        assertEquals(0, aggregator.runOnce(), "nothing new: nothing counted again");

        Report report = report(Metric.NPS, "recommend", Scale.NPS, "store");
        MetricResult.Nps total = (MetricResult.Nps) report.total().result();
        assertEquals(3, total.n());
        assertEquals(0.0, total.nps().value(), 1e-9);
        assertEquals(2, report.groups().get(0).current().result().n());
        assertTrue(aggregator.caughtUp("s1"));
        assertEquals("0 0 0 1 0 0 0 0 0 0 0", redis.hget(
                keys.counters("s1", "recommend", "store", Bucket.containing(Granularity.DAY, LocalDate.parse("2025-03-04"))),
                "SH-1"), "counters are kept as the score distribution");
    }

    @Test
    void aBatchAnotherNodeAlreadyAppliedChangesNothing() {
        answer("i1", "recommend", "nps", 9, "9", "SH-1", "2025-03-03T02:00:00Z");
        aggregator.runOnce();
        String cursor = redis.get(keys.cursor("s1", "answers"));

        boolean applied = store.apply("s1", "answers", null, cursor, Map.of(new Cell("recommend", "all",
                Bucket.containing(Granularity.MONTH, LocalDate.parse("2025-03-01")), "all"), new long[11]), Map.of(), List.of());

        assertFalse(applied, "a batch read before the cursor moved is refused");
        assertEquals(1, report(Metric.NPS, "recommend", Scale.NPS, null).total().result().n());
    }

    @Test
    void answersArrivingWhileANodeCountsAreAllCountedOnce() throws Exception {
        ReportAggregator other = new ReportAggregator(redis, keys, store, planner, () -> List.of("s1"), "node-b");
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 600; i++) {
                answer("w" + i, "recommend", "nps", i % 11, Integer.toString(i % 11), "SH-" + (i % 7), "2025-03-10T02:00:00Z");
            }
        });
        writer.start();
        while (writer.isAlive()) {
            aggregator.runOnce();
            other.runOnce();
        }
        writer.join();
        while (!aggregator.caughtUp("s1")) {
            // whichever node holds the lease counts the rest
            aggregator.runOnce();
            other.runOnce();
        }

        assertEquals(600, report(Metric.NPS, "recommend", Scale.NPS, "store").total().result().n());
    }

    @Test
    void responseRateCountsDeliveredRespondedAndCompletedRuns() {
        for (int i = 0; i < 4; i++) {
            milestone("r" + i, null, "SH-1", "2025-03-05T02:00:00Z");
        }
        answer("r0", "recommend", "nps", 9, "9", "SH-1", "2025-03-05T02:01:00Z");
        answer("r0", "why", "text", null, "很好", "SH-1", "2025-03-05T02:02:00Z");
        answer("r1", "recommend", "nps", 2, "2", "SH-1", "2025-03-05T02:01:00Z");
        milestone("r0", SurveyStatus.COMPLETED, "SH-1", "2025-03-05T02:02:00Z");

        aggregator.runOnce();

        MetricResult.ResponseRate rate = (MetricResult.ResponseRate) report(Metric.RESPONSE_RATE, Cell.RUNS, null, "store")
                .total().result();
        assertEquals(4, rate.delivered());
        assertEquals(2, rate.responded(), "two runs answered, one of them twice");
        assertEquals(1, rate.completed());
        assertEquals(50.0, rate.responseRate().value(), 1e-9);
    }

    @Test
    void freeTextOfDetractorsIsKeptForThemes() {
        answer("d1", "recommend", "nps", 2, "2", "SH-1", "2025-03-05T02:01:00Z");
        answer("d1", "why", "text", null, "送餐太慢", "SH-1", "2025-03-05T02:02:00Z");
        answer("p1", "recommend", "nps", 10, "10", "SH-1", "2025-03-05T02:01:00Z");
        answer("p1", "why", "text", null, "很快", "SH-1", "2025-03-05T02:02:00Z");

        aggregator.runOnce();

        assertEquals(1, redis.xlen(keys.lowTexts("s1")));
        assertEquals("送餐太慢", redis.xrange(keys.lowTexts("s1"), "-", "+", 1).get(0).getFields().get("text"));
    }
}
