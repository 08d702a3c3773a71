package io.feedbackbot.server.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackbot.server.campaign.testing.StubProvider;
import io.feedbackbot.server.testing.TestServer;
import io.feedbackbot.sms.provider.FakeTwilioProvider;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A paced SMS campaign on the SMS channel, through a fake Twilio-compatible provider: invalid numbers refused at import, one
 * invitation per number at the provider, a reminder to non-responders, and delivery callbacks counted.
 */
class SmsCampaignTest {

    private final StubProvider stub = new StubProvider();
    private final TestServer server = TestServer.start("campaigns:\n  lease: 5s\n", stub.channelsYaml("2s"),
            Clock.systemUTC());
    private final CampaignClient api = new CampaignClient(server);

    @AfterEach
    void stop() {
        server.close();
        stub.close();
    }

    @Test
    void anSmsCampaignSendsOneInvitationPerNumberRemindsAndCountsDeliveries() throws Exception {
        String id = api.create("{\"survey\":\"post-delivery-nps\",\"channel\":\"sms\",\"account\":\"cn\","
                + WebchatCampaignTest.EVERY_HOUR + ",\"pacing\":{\"perSecond\":20},\"language\":\"en\","
                + "\"reminders\":{\"after\":\"2s\",\"max\":1},\"expiresAfter\":\"1h\",\"fatigue\":\"off\"}")
                .path("id").asText();
        HttpResponse<String> imported = api.upload(id, "id,phone,store\n"
                + "p1,13800138001,SH-001\np2,+86 138 0013 8002,SH-002\np3,12345,SH-003\n"
                + "p4,008613800138004,SH-004\np5,13800138005,SH-005\n");
        JsonNode report = TestServer.parse(imported.body());
        assertEquals(4, report.path("imported").asInt(), imported.body());
        assertEquals(1, report.path("rejectedByReason").path("invalid_number").asInt());

        api.command(id, "schedule");
        JsonNode done = api.awaitView(id, Duration.ofSeconds(30), v -> v.path("status").asText().equals("completed"));

        assertEquals(4, done.path("progress").path("sent").asInt());
        List<FakeTwilioProvider.Created> invitations = stub.provider.created();
        assertEquals(4, invitations.size());
        assertEquals(List.of(1L, 1L, 1L, 1L), List.copyOf(stub.perNumber().values()));
        assertTrue(invitations.get(0).form().first("Body").orElse("").contains("recommend us"));

        OkHttpClient http = new OkHttpClient();
        String callbacks = server.url("/webhooks/sms/cn/status");
        stub.provider.postStatus(http, invitations.get(0), "delivered", null, callbacks);
        stub.provider.postStatus(http, invitations.get(1), "delivered", null, callbacks);
        stub.provider.postStatus(http, invitations.get(1), "delivered", null, callbacks);
        stub.provider.postStatus(http, invitations.get(2), "undelivered", "30003", callbacks);

        JsonNode after = api.awaitView(id, Duration.ofSeconds(20), v -> v.path("progress").path("reminded").asInt() == 4
                && v.path("progress").path("delivered").asInt() == 2);
        assertEquals(2, after.path("progress").path("delivered").asInt(), "a repeated callback counts once");
        assertEquals(1, after.path("progress").path("undelivered").asInt());
        assertEquals(4, after.path("progress").path("reminders").asInt());
        assertEquals(8, stub.provider.created().size(), "four invitations and four reminders, nothing else");
    }
}
