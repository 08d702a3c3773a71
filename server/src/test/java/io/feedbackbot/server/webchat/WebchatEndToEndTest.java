package io.feedbackbot.server.webchat;

import static io.feedbackbot.server.testing.TestServer.TOKEN;
import static io.feedbackbot.server.testing.TestServer.json;
import static io.feedbackbot.server.testing.TestServer.parse;
import static io.feedbackbot.server.testing.TestServer.reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackbot.server.testing.TestServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WebchatEndToEndTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode responses(String survey) {
        HttpResponse<String> response = server.get("/api/v1/responses?survey=" + survey + "&format=json",
                "Authorization", "Bearer " + TOKEN);
        assertEquals(200, response.statusCode(), response.body());
        return parse(response.body()).path("responses");
    }

    private static List<JsonNode> answersOf(String survey, String customer) {
        List<JsonNode> out = new java.util.ArrayList<>();
        responses(survey).forEach(a -> {
            if (a.path("customer").asText().equals(customer)) {
                out.add(a);
            }
        });
        return out;
    }

    @Test
    void aCustomerTakesTheDemoSurveyAndEveryAnswerIsStoredWithItsContext() {
        assertTrue(reply(server.chat("e2e-1", "m-1", "你好")).contains("推荐给朋友或同事"));
        assertTrue(reply(server.chat("e2e-1", "m-2", "9分")).contains("最喜欢"));
        assertTrue(reply(server.chat("e2e-1", "m-3", "骑手很准时")).contains("感谢"));

        List<JsonNode> answers = answersOf("post-delivery-nps", "e2e-1");
        assertEquals(2, answers.size());
        JsonNode nps = answers.get(0);
        assertEquals("recommend", nps.path("questionId").asText());
        assertEquals(9, nps.path("score").asInt());
        assertEquals("9分", nps.path("rawText").asText());
        assertEquals("zh-CN", nps.path("language").asText());
        assertEquals("webchat", nps.path("channel").asText());
        assertEquals("demo", nps.path("account").asText());
        assertFalse(nps.path("askedAt").asText().isEmpty());
        assertFalse(nps.path("answeredAt").asText().isEmpty());
        assertEquals("骑手很准时", answers.get(1).path("value").asText());
    }

    @Test
    void theSameMessageIdAgainReturnsTheSameRepliesAndStoresNothingNew() {
        server.chat("e2e-2", "m-1", "hello");
        JsonNode first = server.chat("e2e-2", "m-2", "7");
        JsonNode again = server.chat("e2e-2", "m-2", "7");

        assertEquals(first.path("replies"), again.path("replies"));
        assertTrue(again.path("duplicate").asBoolean());
        assertEquals(1, answersOf("post-delivery-nps", "e2e-2").size());
    }

    @Test
    void concurrentRetriesOfOneMessageProduceOneAnswer() throws Exception {
        server.chat("e2e-3", "m-1", "hello");
        List<CompletableFuture<JsonNode>> retries = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            retries.add(CompletableFuture.supplyAsync(() -> server.chat("e2e-3", "m-2", "10")));
        }
        for (CompletableFuture<JsonNode> retry : retries) {
            assertEquals("Wonderful, thank you! What did you like most about this delivery?",
                    reply(retry.get(30, TimeUnit.SECONDS)));
        }
        assertEquals(1, answersOf("post-delivery-nps", "e2e-3").size());
    }

    @Test
    void anInvitationSendsTheFirstQuestionToTheCustomersMailboxWithItsContext() {
        HttpResponse<String> invited = server.post("/api/v1/surveys/post-service-csat/invitations",
                json(Map.of("channel", "webchat", "account", "demo", "to", "u-42", "language", "en",
                        "context", Map.of("store", "SH-001", "touchpoint", "delivery"))),
                "Authorization", "Bearer " + TOKEN);

        assertEquals(202, invited.statusCode(), invited.body());
        JsonNode body = parse(invited.body());
        assertEquals("started", body.path("status").asText());
        JsonNode mailbox = parse(server.get("/webhooks/webchat/demo/messages?customer=u-42").body());
        assertTrue(mailbox.path("messages").path(0).path("text").asText().startsWith("How satisfied are you"));
        assertEquals(mailbox.path("messages").path(0).path("cursor"), mailbox.path("cursor"));

        server.chat("u-42", "m-1", "5");
        JsonNode answer = answersOf("post-service-csat", "u-42").get(0);
        assertEquals(body.path("invitationId").asText(), answer.path("invitationId").asText());
        assertEquals("SH-001", answer.path("context").path("store").asText());
        assertEquals("delivery", answer.path("context").path("touchpoint").asText());
        assertEquals("en", answer.path("language").asText());
    }

    @Test
    void theChatPageReceivesMailboxMessagesLiveAsServerSentEvents() throws Exception {
        HttpURLConnection events = (HttpURLConnection) URI.create(
                server.url("/webhooks/webchat/demo/events?customer=u-sse")).toURL().openConnection();
        events.setReadTimeout(20_000);
        assertEquals("text/event-stream; charset=utf-8", events.getContentType());
        BufferedReader lines = new BufferedReader(new InputStreamReader(events.getInputStream(), StandardCharsets.UTF_8));

        server.post("/api/v1/surveys/post-delivery-nps/invitations", json(Map.of("channel", "webchat",
                "account", "demo", "to", "u-sse", "language", "zh-CN")), "Authorization", "Bearer " + TOKEN);

        String data = null;
        for (String line; (line = lines.readLine()) != null; ) {
            if (line.startsWith("data: ")) {
                data = line.substring(6);
                break;
            }
        }
        events.disconnect();
        assertTrue(parse(data).path("text").asText().contains("推荐给朋友或同事"), data);
    }

    @Test
    void answersExportAsCsvThatExcelOpens() {
        server.chat("e2e-csv", "m-1", "hello");
        server.chat("e2e-csv", "m-2", "5");
        server.chat("e2e-csv", "m-3", "=cmd|' /C calc'!A0, and \"late\"\nreally");

        HttpResponse<String> csv = server.get("/api/v1/responses?survey=post-delivery-nps&format=csv",
                "Authorization", "Bearer " + TOKEN);

        assertEquals(200, csv.statusCode());
        assertEquals("text/csv; charset=utf-8", csv.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(csv.body().startsWith("\uFEFFanswer_id,survey,question"), "UTF-8 BOM then the header");
        assertTrue(csv.body().contains("\r\n"), "CRLF line ends");
        assertTrue(csv.body().contains("\"'=cmd|' /C calc'!A0, and \"\"late\"\"\nreally\""),
                "quoted, quotes doubled, formula neutralised");
    }

    @Test
    void jsonLinesExportHasOneAnswerPerLine() {
        server.chat("e2e-jsonl", "m-1", "hello");
        server.chat("e2e-jsonl", "m-2", "8");

        String body = server.get("/api/v1/responses?survey=post-delivery-nps&format=jsonl",
                "Authorization", "Bearer " + TOKEN).body();

        assertTrue(body.lines().allMatch(l -> parse(l).has("answerId")));
        assertTrue(body.contains("\"customer\":\"e2e-jsonl\""));
    }

    @Test
    void healthReadinessAndMetricsAnswer() {
        assertEquals(200, server.get("/healthz").statusCode());
        assertEquals("ready", parse(server.get("/readyz").body()).path("status").asText());
        server.chat("e2e-metrics", "m-1", "hello");
        String metrics = server.get("/metrics").body();
        assertTrue(metrics.contains("feedbackbot_inbound_messages_total{channel=\"webchat\""), metrics);
        assertTrue(metrics.contains("feedbackbot_handling_seconds_bucket"));
    }

    @Test
    void theChatPageIsServed() {
        HttpResponse<String> page = server.get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("/static/chat.js"));
        assertEquals(200, server.get("/static/chat.js").statusCode());
        assertEquals(404, server.get("/static/../cli/Main.class").statusCode());
    }

    @Test
    void aComplaintTypedIntoTheChatIsReadByTheShippedModelAndOpensAWorkOrderWithItsEvidence() {
        JsonNode reply = server.chat("e2e-complaint", "m-1", "外卖送到都凉了，还少了一份饭");

        assertTrue(reply(reply).contains("工作人员会尽快跟进"), reply(reply));
        try (var redis = io.feedbackbot.redis.RedisConnections.open(io.feedbackbot.redis.testing.TestRedis.url(), 2)) {
            var entries = redis.xrange(server.prefix + "{tickets}:requests", "-", "+", 100);
            JsonNode ticket = entries.stream().map(e -> parse(e.getFields().get("json")))
                    .filter(t -> t.path("conversation").asText().endsWith(":e2e-complaint")).findFirst().orElseThrow();
            assertEquals("complaint", ticket.path("reason").asText());
            assertEquals("delivery", ticket.path("evidence").path("category").asText());
            assertTrue(ticket.path("evidence").path("probability").asDouble() >= 0.7, ticket.toString());
            assertTrue(ticket.path("evidence").path("phrases").asText().contains("凉"), ticket.toString());
        }
    }
}
