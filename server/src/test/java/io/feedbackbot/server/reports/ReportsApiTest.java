package io.feedbackbot.server.reports;

import static io.feedbackbot.server.testing.TestServer.TOKEN;
import static io.feedbackbot.server.testing.TestServer.json;
import static io.feedbackbot.server.testing.TestServer.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackbot.server.testing.TestServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Live updates, text themes, drill-downs and refusals of the reports API, against the real server. */
class ReportsApiTest {

    private static final String PASSWORD = "results are for reading";
    private static final String SUPERVISOR_TOKEN = "supervisor-token-for-scripts";
    private static final String AGENT_TOKEN = "agent-token-for-the-desk";
    private static TestServer server;

    /** Console users and script tokens with each role that matters to results. */
    static String people() {
        String hash = BCrypt.withDefaults().hashToString(4, PASSWORD.toCharArray());
        return "console:\n  users:\n"
                + "    - {username: mia, passwordHash: \"" + hash + "\", roles: [marketer]}\n"
                + "    - {username: ann, passwordHash: \"" + hash + "\", roles: [agent], queues: [default]}\n"
                + "api:\n  adminToken: " + TOKEN + "\n  tokens:\n"
                + "    - {name: crm, token: " + SUPERVISOR_TOKEN + ", roles: [supervisor]}\n"
                + "    - {name: desk, token: " + AGENT_TOKEN + ", roles: [agent], queues: [default]}\n";
    }

    /** The session cookie of a console login. */
    static String login(TestServer server, String username) {
        HttpResponse<String> login = server.post("/console/login", json(Map.of("username", username,
                "password", PASSWORD)));
        assertEquals(200, login.statusCode(), login.body());
        return login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    @BeforeAll
    static void start() throws InterruptedException {
        server = TestServer.start("reports:\n  minAnswers: 3\n" + people(), Clock.systemUTC());
        new DemoCampaign(server).npsSurvey("api-", 26);
        for (int i = 0; i < 300 && !get("/api/v1/reports/nps?survey=post-delivery-nps").path("upToDate").asBoolean(); i++) {
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode get(String path) {
        HttpResponse<String> response = server.get(path, "Authorization", "Bearer " + TOKEN);
        assertEquals(200, response.statusCode(), response.body());
        return parse(response.body());
    }

    private static int status(String path, String... headers) {
        return server.get(path, headers).statusCode();
    }

    @Test
    void aNewAnswerIsAnnouncedLiveToOpenDashboards() throws Exception {
        HttpURLConnection events = (HttpURLConnection) URI.create(server.url(
                "/api/v1/reports/live?survey=post-delivery-nps")).toURL().openConnection();
        events.setRequestProperty("Authorization", "Bearer " + TOKEN);
        events.setReadTimeout(20_000);
        assertEquals("text/event-stream; charset=utf-8", events.getContentType());
        BufferedReader lines = new BufferedReader(new InputStreamReader(events.getInputStream(), StandardCharsets.UTF_8));
        long before = get("/api/v1/reports/nps?survey=post-delivery-nps").path("total").path("n").asLong();

        server.post("/api/v1/surveys/post-delivery-nps/invitations", json(Map.of("channel", "webchat", "account", "demo",
                "to", "live-1", "context", Map.of("store", "SH-009"))), "Authorization", "Bearer " + TOKEN);
        server.chat("live-1", "m-1", "10");

        String event = null;
        String data = null;
        for (String line; data == null && (line = lines.readLine()) != null; ) {
            if (line.startsWith("event: ")) {
                event = line.substring(7);
            } else if (line.startsWith("data: ") && "counters".equals(event)) {
                data = line.substring(6);
            }
        }
        events.disconnect();
        assertEquals("post-delivery-nps", parse(data).path("survey").asText());
        long after = 0;
        for (int i = 0; i < 50 && after <= before; i++) {
            after = get("/api/v1/reports/nps?survey=post-delivery-nps").path("total").path("n").asLong();
        }
        assertEquals(before + 1, after, "the announced counters include the new answer");
    }

    @Test
    void themesListTheMostFrequentDetractorPhrasesWithExamples() {
        JsonNode themes = get("/api/v1/reports/themes?survey=post-delivery-nps");

        List<String> phrases = new ArrayList<>();
        themes.path("phrases").forEach(p -> phrases.add(p.path("phrase").asText()));
        assertEquals("送餐太慢", phrases.get(0), phrases.toString());
        assertTrue(phrases.contains("food cold"), "'The food was cold' and 'cold food again': " + phrases);
        JsonNode example = themes.path("phrases").path(0).path("examples").path(0);
        assertTrue(example.path("text").asText().contains("送餐太慢"));
        assertTrue(example.path("rating").path("score").asInt() <= 6, "examples come from detractors");
        assertTrue(themes.path("lowScoreTexts").asInt() > 0);
        assertTrue(themes.path("complaints").isArray());
    }

    @Test
    void drillDownPagesThroughOneStoresAnswersOnly() {
        Set<String> seen = new HashSet<>();
        String after = null;
        int pages = 0;
        do {
            JsonNode page = get("/api/v1/responses?survey=post-delivery-nps&store=SH-002&question=recommend&limit=2"
                    + (after == null ? "" : "&after=" + after));
            for (JsonNode a : page.path("responses")) {
                assertEquals("SH-002", a.path("context").path("store").asText());
                assertEquals("recommend", a.path("questionId").asText());
                assertTrue(seen.add(a.path("answerId").asText()), "no answer twice");
            }
            after = page.path("next").isNull() ? null : page.path("next").asText();
            pages++;
        } while (after != null && pages < 20);
        long expected = 0;
        for (JsonNode a : get("/api/v1/responses?survey=post-delivery-nps").path("responses")) {
            if (a.path("context").path("store").asText().equals("SH-002") && a.path("questionId").asText().equals("recommend")) {
                expected++;
            }
        }
        assertEquals(expected, seen.size());
        assertTrue(pages > 1, "it took several pages");
    }

    @Test
    void answersExportForOneStoreWithTheirContextColumns() {
        HttpResponse<String> csv = server.get("/api/v1/responses?survey=post-delivery-nps&format=csv&store=SH-004",
                "Authorization", "Bearer " + TOKEN);
        assertTrue(csv.body().startsWith("\uFEFFanswer_id,"));
        List<List<String>> rows = Csv.parse(csv.body().substring(1));
        int store = rows.get(0).indexOf("context.store");
        assertTrue(store > 0, rows.get(0).toString());
        assertTrue(rows.size() > 2);
        for (List<String> row : rows.subList(1, rows.size())) {
            assertEquals("SH-004", row.get(store), row.toString());
        }
        String jsonl = server.get("/api/v1/responses?survey=post-delivery-nps&format=jsonl&store=SH-004&question=recommend",
                "Authorization", "Bearer " + TOKEN).body();
        assertTrue(jsonl.lines().allMatch(l -> parse(l).path("context").path("store").asText().equals("SH-004")
                && parse(l).path("questionId").asText().equals("recommend")));
    }

    @Test
    void ticketsOpenedFromDetractorsAreListedWithTheirConsolePage() {
        JsonNode tickets = get("/api/v1/reports/tickets?survey=post-delivery-nps&store=SH-003");

        assertTrue(tickets.path("tickets").size() > 0, tickets.toString());
        for (JsonNode t : tickets.path("tickets")) {
            assertEquals("SH-003", t.path("store").asText());
            assertEquals("/console/#ticket/" + t.path("ticketId").asText(), t.path("link").asText());
        }
    }

    @Test
    void theDashboardCanAskWhatThereIsToReport() {
        JsonNode meta = get("/api/v1/reports/surveys");
        assertEquals("Asia/Shanghai", meta.path("timeZone").asText());
        assertTrue(meta.path("groupBy").toString().contains("\"store\""));
        assertTrue(meta.path("groupBy").toString().contains("\"area\""));
        assertTrue(meta.path("surveys").toString().contains("post-service-csat"));
    }

    @Test
    void twoPeriodsAreComparedSideBySide() {
        JsonNode report = get("/api/v1/reports/nps?survey=post-delivery-nps&groupBy=store&from=2026-01-01&to=2026-01-31"
                + "&compareFrom=2000-01-01&compareTo=2000-01-31");
        assertNotNull(report.path("compareTotal"));
        assertEquals(0, report.path("compareTotal").path("n").asInt());
        assertEquals("2000-01-01", report.path("compare").path("from").asText());
    }

    @Test
    void worstFirstPutsSlicesWithTooFewAnswersLast() {
        JsonNode groups = get("/api/v1/reports/nps?survey=post-delivery-nps&groupBy=store&sort=worst").path("groups");
        boolean seenTooFew = false;
        double last = -101;
        for (JsonNode g : groups) {
            if (g.path("tooFewAnswers").asBoolean()) {
                seenTooFew = true;
            } else {
                assertFalse(seenTooFew, "a trustworthy slice after a too-few one");
                assertTrue(g.path("value").asDouble() >= last);
                last = g.path("value").asDouble();
            }
        }
    }

    @Test
    void badRequestsGetAStatusAndAOneLineReason() {
        String auth = "Bearer " + TOKEN;
        assertEquals(401, status("/api/v1/reports/nps?survey=post-delivery-nps"));
        assertEquals(404, status("/api/v1/reports/churn?survey=post-delivery-nps", "Authorization", auth));
        assertEquals(404, status("/api/v1/reports/nps?survey=nope", "Authorization", auth));
        assertEquals(400, status("/api/v1/reports/nps", "Authorization", auth));
        assertEquals(400, status("/api/v1/reports/csat?survey=post-delivery-nps", "Authorization", auth));
        assertEquals(400, status("/api/v1/reports/nps?survey=post-delivery-nps&from=yesterday", "Authorization", auth));
        assertEquals(400, status("/api/v1/reports/nps?survey=post-delivery-nps&from=2025-03-02&to=2025-03-01", "Authorization", auth));
        assertEquals(400, status("/api/v1/reports/nps?survey=post-delivery-nps&interval=hour", "Authorization", auth));
        assertEquals(400, status("/api/v1/reports/nps?survey=post-delivery-nps&compareFrom=2025-03-01", "Authorization", auth));
        assertEquals(400, status("/api/v1/reports/nps?survey=post-delivery-nps&groupBy=a%20b", "Authorization", auth));
        HttpResponse<String> bad = server.get("/api/v1/reports/nps?survey=post-delivery-nps&question=what-went-wrong",
                "Authorization", auth);
        assertEquals("question 'what-went-wrong' is text, not nps", parse(bad.body()).path("error").asText());
    }

    @Test
    void marketersAndSupervisorsReadResultsWithTheirLoginsOrTokensAndAgentsDoNot() {
        String nps = "/api/v1/reports/nps?survey=post-delivery-nps";
        String marketer = login(server, "mia");
        assertEquals(200, status(nps, "Cookie", marketer));
        assertEquals(200, status("/api/v1/reports/surveys", "Cookie", marketer));
        assertEquals(200, status("/api/v1/responses?survey=post-delivery-nps&limit=1", "Cookie", marketer));
        assertEquals(200, status("/api/v1/reports/themes?survey=post-delivery-nps", "Authorization",
                "Bearer " + SUPERVISOR_TOKEN));

        assertEquals(403, status(nps, "Cookie", login(server, "ann")));
        assertEquals(403, status(nps, "Authorization", "Bearer " + AGENT_TOKEN));
        assertEquals(401, status(nps, "Authorization", "Bearer not-a-token-anybody-has"));
        assertEquals(401, status(nps, "Cookie", "fb_session=made-up"));
    }
}
