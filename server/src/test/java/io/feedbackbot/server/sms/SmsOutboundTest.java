package io.feedbackbot.server.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackbot.redis.RedisKeys;
import io.feedbackbot.redis.testing.TestRedis;
import io.feedbackbot.server.testing.TestServer;
import io.feedbackbot.sms.form.FormParams;
import io.feedbackbot.sms.provider.FakeTwilioProvider;
import io.feedbackbot.sms.segment.SmsSegments;
import io.feedbackbot.sms.sim.SimulatedReply;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import okhttp3.Credentials;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Invitations go out through the provider's REST API at most once, and its status callbacks come back. */
class SmsOutboundTest {

    private static SmsRig rig;

    @BeforeAll
    static void start() {
        rig = SmsRig.start("");
    }

    @AfterAll
    static void stop() throws Exception {
        rig.close();
    }

    private static JsonNode invite(String to) {
        HttpResponse<String> response = rig.invite(to, "zh-CN");
        assertEquals(202, response.statusCode(), response.body());
        return TestServer.parse(response.body());
    }

    private static Map<String, String> redisHash(String name) {
        return TestRedis.client().hgetAll(new RedisKeys(rig.server.prefix).global(name));
    }

    @Test
    void anInvitationCallsMessagesJsonOnceWithBasicAuthAFormAndTheStatusCallback() {
        String to = "+8613800000201";
        RedisSegmentLedger ledger = new RedisSegmentLedger(TestRedis.client(), new RedisKeys(rig.server.prefix),
                Duration.ofDays(400));
        RedisSegmentLedger.DayTotals before = ledger.day("main", LocalDate.now(ZoneOffset.UTC));

        assertEquals("started", invite(to).path("status").asText());

        List<RecordedRequest> requests = rig.provider.requests().stream()
                .filter(r -> SmsRig.form(r).first("To").orElse("").equals(to)).toList();
        assertEquals(1, requests.size());
        RecordedRequest request = requests.get(0);
        assertEquals("POST", request.getMethod());
        assertEquals("/2010-04-01/Accounts/" + SmsRig.ACCOUNT_SID + "/Messages.json", request.getPath());
        assertEquals(Credentials.basic(SmsRig.ACCOUNT_SID, SmsRig.AUTH_TOKEN, StandardCharsets.UTF_8),
                request.getHeader("Authorization"));
        assertTrue(request.getHeader("Content-Type").startsWith("application/x-www-form-urlencoded"));
        FormParams form = SmsRig.form(request);
        assertEquals(SmsRig.NUMBER, form.first("From").orElseThrow());
        assertTrue(form.first("Body").orElseThrow().contains("推荐给朋友或同事"));
        assertEquals(SmsRig.PUBLIC_URL + "/status", form.first("StatusCallback").orElseThrow());

        String sid = rig.createdTo(to).get(0).sid();
        Map<String, String> sent = redisHash("sms:sent:" + sid);
        assertEquals("post-delivery-nps", sent.get("a.surveyId"));
        assertEquals("SH-001", sent.get("a.context.store"));
        assertEquals("2", sent.get("segments"), "stored per message for cost reports: intro and question in "
                + "Chinese are " + SmsSegments.count(form.first("Body").orElseThrow()));
        assertEquals("queued", redisHash("sms:status:" + sid).get("status"));
        RedisSegmentLedger.DayTotals after = ledger.day("main", LocalDate.now(ZoneOffset.UTC));
        assertTrue(after.messages() >= before.messages() + 1 && after.ucs2Segments() >= before.ucs2Segments() + 2,
                "the account's daily counters grew: " + before + " -> " + after);
    }

    @Test
    void aNationalNumberIsInvitedAsE164InTheAccountsRegion() {
        assertEquals("started", invite("138 0000 0202").path("status").asText());
        assertEquals(1, rig.requestsTo("+8613800000202").size());
    }

    @Test
    void anInvalidNumberIsABadRequestWithAClearMessage() {
        HttpResponse<String> response = rig.invite("12345", null);

        assertEquals(400, response.statusCode());
        assertEquals("to: '12345' is not a valid phone number for region CN",
                TestServer.parse(response.body()).path("error").asText());
    }

    @Test
    void twoRateLimitsThenAcceptedDeliversTheInvitationOnce() {
        String to = "+8613800000203";
        rig.provider.rateLimitNext(2);

        JsonNode result = invite(to);

        assertEquals("started", result.path("status").asText());
        assertTrue(result.path("delivery").isMissingNode(), "the delivery was Sent: " + result);
        assertEquals(3, rig.requestsTo(to).size(), "two 429s, then the accepted request");
        assertEquals(1, rig.createdTo(to).size());
    }

    @Test
    void aProviderTimeoutIsUnknownAndNeverBecomesASecondSms() throws Exception {
        String to = "+8613800000204";
        rig.provider.stallNext();

        JsonNode result = invite(to);

        assertTrue(result.path("delivery").asText().startsWith("Unknown"), result.toString());
        assertEquals(1, rig.requestsTo(to).size(), "exactly one request reached the provider");

        // Another node (or this one after a restart) finds the delivery unconfirmed and asks the sender again.
        try (TestServer node2 = rig.server.anotherNode()) {
            SimulatedReply reply = rig.simulator.post(node2.url("/webhooks/sms/main"),
                    SmsRig.PUBLIC_URL, rig.simulator.compose(to, SmsRig.NUMBER, "10"));
            assertEquals(List.of("太好了，谢谢！您最喜欢这次配送的哪一点？"), reply.messages());
            SmsRig.await("node 2 to retry the stranded invitation", () -> node2.get("/metrics").body()
                    .contains("feedbackbot_deliveries_total{channel=\"sms\",outcome=\"AlreadyHandled\"} 1.0"));
        }
        assertEquals(1, rig.requestsTo(to).size(), "the stranded invitation was not sent again");
        assertEquals(List.of(), rig.createdTo(to));
    }

    @Test
    void statusCallbacksMoveTheDeliveryForwardAndALateOneDoesNotMoveItBack() {
        String to = "+8613800000205";
        invite(to);
        FakeTwilioProvider.Created message = rig.createdTo(to).get(0);
        String key = "sms:status:" + message.sid();
        assertEquals("queued", redisHash(key).get("status"));

        assertEquals(200, rig.status(message, "sent"));
        assertEquals("sent", redisHash(key).get("status"));
        assertEquals(200, rig.status(message, "delivered"));
        assertEquals(200, rig.status(message, "sent"));

        assertEquals("delivered", redisHash(key).get("status"));
        assertEquals("3", redisHash(key).get("version"), "queued, sent, delivered; the late sent changed nothing");
    }
}
