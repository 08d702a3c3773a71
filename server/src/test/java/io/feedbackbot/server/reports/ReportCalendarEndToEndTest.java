package io.feedbackbot.server.reports;

import static io.feedbackbot.server.testing.TestServer.TOKEN;
import static io.feedbackbot.server.testing.TestServer.json;
import static io.feedbackbot.server.testing.TestServer.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackbot.server.testing.TestServer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Answers given around midnight in Shanghai land in the Shanghai day, Monday week and month, whatever UTC says.
 * The server runs on a clock the test sets.
 */
class ReportCalendarEndToEndTest {

    private static final AtomicReference<Instant> NOW = new AtomicReference<>(Instant.parse("2026-03-01T15:59:00Z"));
    private static TestServer server;

    /** A clock that reads {@link #NOW}. */
    private static final class SetClock extends Clock {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return NOW.get();
        }
    }

    @BeforeAll
    static void answerAroundMidnight() throws InterruptedException {
        server = TestServer.start("", new SetClock());
        // Sunday 1 March 23:59 in Shanghai (15:59 UTC), then Monday 2 March 00:01 (16:01 UTC)
        answer("tz-1", 10, "2026-03-01T15:59:00Z");
        answer("tz-2", 0, "2026-03-01T16:01:00Z");
        // Saturday 28 February 23:30 in Shanghai: February's last answer
        answer("tz-3", 9, "2026-02-28T15:30:00Z");
        for (int i = 0; i < 300 && !report("from=2026-02-01&to=2026-03-31").path("upToDate").asBoolean(); i++) {
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void answer(String customer, int score, String at) {
        NOW.set(Instant.parse(at));
        server.post("/api/v1/surveys/post-delivery-nps/invitations", json(Map.of("channel", "webchat", "account", "demo",
                "to", customer, "language", "en")), "Authorization", "Bearer " + TOKEN);
        server.chat(customer, "m-1", Integer.toString(score));
    }

    private static JsonNode report(String query) {
        return parse(server.get("/api/v1/reports/nps?survey=post-delivery-nps&" + query, "Authorization",
                "Bearer " + TOKEN).body());
    }

    private static List<String> trend(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.path("trend").forEach(p -> out.add(p.path("period").asText() + "=" + p.path("n").asInt()));
        return out;
    }

    @Test
    void weeksStartOnMondayInTheReportingTimeZone() {
        assertEquals(List.of("2026-02-23=2", "2026-03-02=1"), trend(report("from=2026-02-23&to=2026-03-08&interval=week")));
    }

    @Test
    void daysAreShanghaiDays() {
        assertEquals(List.of("2026-02-28=1", "2026-03-01=1", "2026-03-02=1"),
                trend(report("from=2026-02-28&to=2026-03-02&interval=day")));
    }

    @Test
    void monthsAreShanghaiMonths() {
        assertEquals(List.of("2026-02=1", "2026-03=2"), trend(report("from=2026-02-01&to=2026-03-31&interval=month")));
        assertEquals(2, report("from=2026-03-01&to=2026-03-31").path("total").path("n").asInt());
    }

    @Test
    void theDefaultRangeIsTheLastThirtyDaysUpToTheClocksToday() {
        NOW.set(Instant.parse("2026-03-01T16:01:00Z"));
        JsonNode report = report("");
        assertEquals("2026-03-02", report.path("to").asText(), "16:01 UTC on 1 March is 2 March in Shanghai");
        assertEquals("2026-02-01", report.path("from").asText());
    }
}
