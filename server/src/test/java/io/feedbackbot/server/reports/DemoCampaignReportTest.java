package io.feedbackbot.server.reports;

import static io.feedbackbot.server.testing.TestServer.TOKEN;
import static io.feedbackbot.server.testing.TestServer.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackbot.server.testing.TestServer;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The "done when": after a demo campaign, every number the reports API gives (and the dashboard shows)
 * equals the same number recomputed by the test from the raw answers of {@code /api/v1/responses}.
 */
class DemoCampaignReportTest {

    private static final double ROUNDING = 0.006;
    private static TestServer server;
    private static DemoCampaign campaign;

    @BeforeAll
    static void runTheDemoCampaign() throws InterruptedException {
        server = TestServer.start("reports:\n  minAnswers: 5\n  attributes: [city]\n", Clock.systemUTC());
        campaign = new DemoCampaign(server).npsSurvey("demo-", 48).serviceSurvey("svc-", 12);
        int stored = responses("post-delivery-nps").size() + responses("post-service-csat").size();
        for (int i = 0; i < 300 && !(upToDate("post-delivery-nps") && upToDate("post-service-csat")); i++) {
            Thread.sleep(100);
        }
        assertEquals(stored, responses("post-delivery-nps").size() + responses("post-service-csat").size());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static boolean upToDate(String survey) {
        return report("response-rate?survey=" + survey).path("upToDate").asBoolean();
    }

    static JsonNode report(String query) {
        HttpResponse<String> response = server.get("/api/v1/reports/" + query, "Authorization", "Bearer " + TOKEN);
        assertEquals(200, response.statusCode(), response.body());
        return parse(response.body());
    }

    static JsonNode responses(String survey) {
        return parse(server.get("/api/v1/responses?survey=" + survey, "Authorization", "Bearer " + TOKEN).body())
                .path("responses");
    }

    private static void assertSlice(double[] expected, int n, int minAnswers, JsonNode slice, String what) {
        assertEquals(n, slice.path("n").asInt(), what + " n");
        assertEquals(expected[0], slice.path("value").asDouble(), ROUNDING, what + " value");
        assertEquals(expected[1], slice.path("low").asDouble(), ROUNDING, what + " low");
        assertEquals(expected[2], slice.path("high").asDouble(), ROUNDING, what + " high");
        assertEquals(n < minAnswers, slice.path("tooFewAnswers").asBoolean(), what + " too few");
    }

    private static Map<String, JsonNode> groups(JsonNode report) {
        Map<String, JsonNode> out = new TreeMap<>();
        report.path("groups").forEach(g -> out.put(g.path("key").asText(), g));
        return out;
    }

    private void npsMatches(String groupBy, java.util.function.Function<JsonNode, String> key) {
        Map<String, List<Integer>> scores = Recount.scores(responses("post-delivery-nps"), "nps", key);
        JsonNode report = report("nps?survey=post-delivery-nps&groupBy=" + groupBy);
        Map<String, JsonNode> groups = groups(report);
        assertEquals(scores.keySet(), groups.keySet(), groupBy);
        scores.forEach((value, list) -> {
            assertSlice(Recount.nps(list), list.size(), 5, groups.get(value), groupBy + " " + value);
            assertEquals(list.stream().filter(s -> s >= 9).count(), groups.get(value).path("promoters").asLong());
            assertEquals(list.stream().filter(s -> s <= 6).count(), groups.get(value).path("detractors").asLong());
        });
        List<Integer> all = Recount.all(scores);
        assertSlice(Recount.nps(all), all.size(), 5, report.path("total"), "total by " + groupBy);
    }

    @Test
    void npsByStoreEqualsTheRecountFromRawAnswers() {
        npsMatches("store", a -> a.path("context").path("store").asText());
    }

    @Test
    void npsByTouchpointChannelAndCountedAttributeEqualTheRecount() {
        npsMatches("touchpoint", a -> a.path("context").path("touchpoint").asText());
        npsMatches("channel", a -> a.path("channel").asText());
        npsMatches("city", a -> a.path("context").path("city").asText());
    }

    @Test
    void npsByCampaignEqualsTheRecountAndEveryNpsAnswerCameFromTheCampaign() {
        npsMatches("campaign", a -> a.path("campaignId").asText());
        assertEquals(1, groups(report("nps?survey=post-delivery-nps&groupBy=campaign")).size(), "one campaign");
        assertTrue(groups(report("nps?survey=post-delivery-nps&groupBy=campaign")).keySet().iterator().next()
                .startsWith("c-"));
    }

    @Test
    void anAttributeThatIsNotCountedIsScannedWithTheSameResult() {
        assertEquals("scan", report("nps?survey=post-delivery-nps&groupBy=brand").path("source").asText());
        npsMatches("brand", a -> a.path("context").path("brand").asText());
    }

    @Test
    void theScoreDistributionAndTrendEqualTheRecount() {
        List<Integer> all = Recount.all(Recount.scores(responses("post-delivery-nps"), "nps", a -> ""));
        JsonNode report = report("nps?survey=post-delivery-nps&interval=week");
        int[] histogram = Recount.histogram(all, 0, 10);
        for (int s = 0; s <= 10; s++) {
            assertEquals(histogram[s], report.path("total").path("distribution").path(s).asInt(), "score " + s);
        }
        int inTrend = 0;
        for (JsonNode point : report.path("trend")) {
            inTrend += point.path("n").asInt();
        }
        assertEquals(all.size(), inTrend, "every answer is in exactly one week");
    }

    @Test
    void csatAndCesEqualTheRecount() {
        JsonNode responses = responses("post-service-csat");
        List<Integer> csat = Recount.all(Recount.scores(responses, "csat", a -> ""));
        List<Integer> ces = Recount.all(Recount.scores(responses, "ces", a -> ""));

        assertSlice(Recount.share(csat, 4), csat.size(), 5, report("csat?survey=post-service-csat").path("total"), "CSAT");
        JsonNode cesTotal = report("ces?survey=post-service-csat").path("total");
        assertSlice(Recount.mean(ces, 1, 7), ces.size(), 5, cesTotal, "CES mean");
        double[] easy = Recount.share(ces, 5);
        assertEquals(easy[0], cesTotal.path("easyPercent").path("value").asDouble(), ROUNDING);
        assertEquals(easy[1], cesTotal.path("easyPercent").path("low").asDouble(), ROUNDING);
    }

    @Test
    void responseAndCompletionRatesByStoreEqualTheRecount() {
        Map<String, Set<String>> responded = new HashMap<>();
        for (JsonNode a : responses("post-delivery-nps")) {
            if (a.path("status").asText().equals("answered")) {
                responded.computeIfAbsent(a.path("context").path("store").asText(), s -> new HashSet<>())
                        .add(a.path("invitationId").asText());
            }
        }
        Map<String, JsonNode> groups = groups(report("response-rate?survey=post-delivery-nps&groupBy=store"));
        Map<String, String> invitations = campaign.delivered.get("post-delivery-nps");
        for (String store : List.of("SH-001", "SH-002", "SH-003", "SH-004")) {
            long delivered = invitations.values().stream().filter(store::equals).count();
            long completed = campaign.completed.stream().filter(i -> store.equals(invitations.get(i))).count();
            int answered = responded.getOrDefault(store, Set.of()).size();
            JsonNode g = groups.get(store);
            assertEquals(delivered, g.path("delivered").asLong(), store + " delivered");
            assertEquals(answered, g.path("responded").asLong(), store + " responded");
            assertEquals(completed, g.path("completed").asLong(), store + " completed");
            assertSlice(Recount.wilson(answered, delivered), (int) delivered, 5, g, store + " response rate");
            assertEquals(Recount.wilson(completed, delivered)[0], g.path("completionRate").path("value").asDouble(), ROUNDING);
        }
    }

    @Test
    void aRetriedAnswerCountsOnce() {
        long stored = 0;
        for (JsonNode a : responses("post-delivery-nps")) {
            stored += a.path("questionType").asText().equals("nps") ? 1 : 0;
        }
        assertEquals(42, stored, "48 invited, 6 never answered; 5 retries stored nothing");
        assertEquals(stored, report("nps?survey=post-delivery-nps").path("total").path("n").asLong());
    }

    @Test
    void theReportAsCsvHasTheSameNumbersAndOpensInExcel() {
        HttpResponse<String> csv = server.get("/api/v1/reports/nps?survey=post-delivery-nps&groupBy=store&format=csv",
                "Authorization", "Bearer " + TOKEN);
        assertEquals(200, csv.statusCode());
        assertEquals("text/csv; charset=utf-8", csv.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(csv.body().startsWith("\uFEFFsurvey,metric,question,range,from,to,period,store,n,value,ci_low,ci_high"),
                csv.body());
        String[] total = csv.body().split("\r\n")[1].split(",");
        JsonNode json = report("nps?survey=post-delivery-nps").path("total");
        assertEquals(json.path("n").asText(), total[8]);
        assertEquals(json.path("value").asDouble(), Double.parseDouble(total[9]), ROUNDING);
        assertEquals(json.path("low").asDouble(), Double.parseDouble(total[10]), ROUNDING, "a negative bound stays a number");
        assertTrue(csv.headers().firstValue("Content-Disposition").orElseThrow().contains(".csv"));
    }
}
