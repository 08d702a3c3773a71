package io.feedbackbot.server.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackbot.server.testing.TestServer;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A campaign from CSV to answers over the web chat: invitations land in the customers' mailboxes once, the
 * opted-out and the fatigued are skipped with their reason, attributes travel into the answers, and the live
 * counts follow.
 */
class WebchatCampaignTest {

    static final String EVERY_HOUR = "\"window\":{\"days\":\"everyday\",\"from\":\"00:00\",\"to\":\"24:00\","
            + "\"timezone\":\"Asia/Shanghai\"}";

    private final TestServer server = TestServer.start("campaigns:\n  lease: 5s\n", Clock.systemUTC());
    private final CampaignClient api = new CampaignClient(server);

    @AfterEach
    void stop() {
        server.close();
    }

    private String mailbox(String customer) {
        return server.get("/webhooks/webchat/demo/messages?customer=" + customer).body();
    }

    @Test
    void aWebChatCampaignInvitesEachRecipientOnceAndCountsWhatFollows() {
        server.chat("wc-3", "m-1", "STOP");
        server.chat("wc-4", "m-1", "hello"); // a survey answered just now: the fatigue rule spares wc-4
        server.chat("wc-4", "m-2", "9");
        server.chat("wc-4", "m-3", "fast");
        JsonNode created = api.create("{\"name\":\"May NPS\",\"survey\":\"post-delivery-nps\",\"channel\":\"webchat\","
                + "\"account\":\"demo\"," + EVERY_HOUR + ",\"fatigue\":\"7d\",\"language\":\"en\"}");
        String id = created.path("id").asText();
        assertEquals("draft", created.path("status").asText());

        HttpResponse<String> imported = api.upload(id, "id,customer,store,touchpoint\n"
                + "r1,wc-1,SH-001,delivery\nr2,wc-2,SH-002,delivery\nr3,wc-3,SH-003,delivery\n"
                + "r4,wc-4,SH-004,delivery\n,wc-5,SH-005,delivery\nr6,has space,SH-006,delivery\n");
        assertEquals(200, imported.statusCode(), imported.body());
        JsonNode report = TestServer.parse(imported.body());
        assertEquals(4, report.path("imported").asInt());
        assertEquals(2, report.path("rejected").asInt());
        assertEquals("line 6 has no id", report.path("errors").path(0).path("message").asText());
        assertEquals("invalid_customer", report.path("errors").path(1).path("reason").asText());

        assertEquals(200, api.command(id, "schedule").statusCode());
        JsonNode done = api.awaitView(id, Duration.ofSeconds(30), v -> v.path("status").asText().equals("completed"));

        JsonNode progress = done.path("progress");
        assertEquals(4, progress.path("recipients").asInt());
        assertEquals(0, progress.path("pending").asInt());
        assertEquals(2, progress.path("sent").asInt());
        assertEquals(2, progress.path("skipped").path("total").asInt());
        assertEquals(1, progress.path("skipped").path("byReason").path("opted_out").asInt());
        assertEquals(1, progress.path("skipped").path("byReason").path("fatigue").asInt());
        assertTrue(mailbox("wc-1").contains("How likely are you to recommend us"), mailbox("wc-1"));
        assertEquals(1, mailbox("wc-1").split("recommend us", -1).length - 1, "invited once");
        assertTrue(mailbox("wc-3").contains("\"messages\":[]"), "an opted-out customer hears nothing");

        server.chat("wc-1", "m-1", "9");
        JsonNode answered = api.awaitView(id, Duration.ofSeconds(10),
                v -> v.path("progress").path("responded").asInt() == 1);
        assertEquals(1, answered.path("progress").path("responded").asInt());

        JsonNode answers = TestServer.parse(server.get("/api/v1/responses?survey=post-delivery-nps",
                "Authorization", CampaignClient.AUTH).body()).path("responses");
        JsonNode first = answers.get(answers.size() - 1);
        assertEquals(id, first.path("campaignId").asText());
        assertEquals("SH-001", first.path("context").path("store").asText());
        assertEquals("r1", first.path("context").path("recipientId").asText());
        assertEquals(9, first.path("score").asInt());

        String skipped = server.get("/api/v1/campaigns/" + id + "/recipients?outcome=skipped",
                "Authorization", CampaignClient.AUTH).body();
        assertTrue(skipped.contains("r3,skipped,opted_out"), skipped);
        assertTrue(skipped.contains("r4,skipped,fatigue"), skipped);
    }

    @Test
    void theLifecycleRefusesWhatDoesNotApply() {
        String id = api.create("{\"survey\":\"post-delivery-nps\",\"channel\":\"webchat\",\"account\":\"demo\"}")
                .path("id").asText();

        HttpResponse<String> early = api.command(id, "schedule");
        HttpResponse<String> resume = api.command(id, "resume");

        assertEquals(409, early.statusCode());
        assertEquals("{\"error\":\"import an audience with at least one recipient before scheduling "
                + "(PUT /api/v1/campaigns/" + id + "/audience)\"}", early.body());
        assertEquals(409, resume.statusCode());
        assertEquals(404, api.command("c-nope", "pause").statusCode());
        assertEquals(200, api.command(id, "cancel").statusCode());
        assertEquals(409, api.upload(id, "id,customer\nr1,wc-1\n").statusCode(), "cancelled: the audience is fixed");
    }

    @Test
    void badRequestsGetAOneLineReason() {
        HttpResponse<String> noSurvey = server.post("/api/v1/campaigns", "{\"survey\":\"nope\",\"channel\":\"webchat\","
                + "\"account\":\"demo\"}", "Authorization", CampaignClient.AUTH);
        HttpResponse<String> badZone = server.post("/api/v1/campaigns", "{\"survey\":\"post-delivery-nps\","
                + "\"channel\":\"webchat\",\"account\":\"demo\",\"window\":{\"timezone\":\"Mars/Base\"}}",
                "Authorization", CampaignClient.AUTH);
        HttpResponse<String> longFatigue = server.post("/api/v1/campaigns", "{\"survey\":\"post-delivery-nps\","
                + "\"channel\":\"webchat\",\"account\":\"demo\",\"fatigue\":\"90d\"}", "Authorization", CampaignClient.AUTH);
        HttpResponse<String> noToken = server.put("/api/v1/campaigns/c-1/audience", "id,customer\n".getBytes());

        assertEquals(404, noSurvey.statusCode());
        assertEquals("{\"error\":\"unknown survey 'nope'\"}", noSurvey.body());
        assertEquals(400, badZone.statusCode());
        assertTrue(badZone.body().contains("'Mars/Base' is not a time zone"), badZone.body());
        assertEquals(400, longFatigue.statusCode());
        assertTrue(longFatigue.body().contains("must not be longer than redis.conversationRetention (30d)"));
        assertEquals(401, noToken.statusCode());
    }
}
