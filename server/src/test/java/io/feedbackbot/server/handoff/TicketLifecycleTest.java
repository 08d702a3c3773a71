package io.feedbackbot.server.handoff;

import static io.feedbackbot.server.handoff.HandoffRig.DEFAULT;
import static io.feedbackbot.server.handoff.HandoffRig.DEFAULT_2;
import static io.feedbackbot.server.handoff.HandoffRig.EAST;
import static io.feedbackbot.server.handoff.HandoffRig.await;
import static io.feedbackbot.server.handoff.HandoffRig.body;
import static io.feedbackbot.server.handoff.HandoffRig.mailbox;
import static io.feedbackbot.server.handoff.HandoffRig.ok;
import static io.feedbackbot.server.handoff.HandoffRig.post;
import static io.feedbackbot.server.handoff.HandoffRig.reload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackbot.core.ticket.Ticket;
import io.feedbackbot.core.ticket.TicketEvent;
import io.feedbackbot.core.ticket.TicketStatus;
import io.feedbackbot.redis.testing.TestRedis;
import io.feedbackbot.server.testing.TestClock;
import io.feedbackbot.server.testing.TestServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;

/** Work orders against real Redis: created from the outbox, routed, claimed, transferred, noted, ended. */
class TicketLifecycleTest {

    private static final TestClock CLOCK = new TestClock(Instant.parse("2026-11-23T08:00:00Z"));
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = HandoffRig.start(CLOCK);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<String> types(Ticket t) {
        return server.app().handoff().tickets().events(t.id(), 100).stream().map(TicketEvent::type).toList();
    }

    @Test
    void aStoreInvitationsDetractorGoesToThatStoresQueueWithItsArea() {
        HttpResponse<String> invited = server.post("/api/v1/surveys/post-delivery-nps/invitations",
                TestServer.json(Map.of("channel", "webchat", "account", "demo", "to", "store-1", "language", "zh-CN",
                        "context", Map.of("store", "SH-001", "touchpoint", "delivery"))),
                "Authorization", "Bearer " + TestServer.TOKEN);
        assertEquals(202, invited.statusCode(), invited.body());
        server.chat("store-1", "s1-1", "3");

        Ticket t = HandoffRig.ticketOf(server, "store-1");
        assertEquals("store-sh-001", t.queue());
        assertEquals("SH-001", t.origin().store());
        assertEquals("east", t.origin().area());
        assertEquals("delivery", t.origin().touchpoint());
        assertEquals("high", t.origin().priority());
        assertEquals(CLOCK.instant().plus(Duration.ofMinutes(30)), t.times().claimDueAt());
        assertEquals(CLOCK.instant().plus(Duration.ofHours(4)), t.times().resolveDueAt());
        assertEquals(TicketStatus.OPEN, t.status());
    }

    @Test
    void aDetractorWithoutAStoreGoesToTheDefaultQueueAndEscalatesStraightToTheHeadOffice() {
        HandoffRig.detractor(server, "nostore-1");
        Ticket t = HandoffRig.ticketOf(server, "nostore-1");
        assertEquals("default", t.queue());
        assertNull(t.origin().area());
    }

    @Test
    void theSameRequestDeliveredTwiceMakesOneTicketAndBothEntriesAreAcknowledged() {
        UnifiedJedis redis = TestRedis.client();
        String stream = server.prefix + "{tickets}:requests";
        String json = "{\"ticketId\":\"twice-1\",\"conversation\":\"webchat:demo:twice\",\"reason\":\"complaint\","
                + "\"priority\":\"urgent\",\"evidence\":{\"text\":\"退款\"},\"surveyId\":null,\"invitationId\":null,"
                + "\"context\":{},\"answers\":[],\"at\":" + CLOCK.instant().toEpochMilli() + "}";
        redis.xadd(stream, StreamEntryID.NEW_ENTRY, Map.of("id", "twice-1", "json", json));
        redis.xadd(stream, StreamEntryID.NEW_ENTRY, Map.of("id", "twice-1", "json", json));

        Ticket t = await(() -> server.app().handoff().tickets().find("twice-1"), "ticket twice-1");
        await(() -> Optional.of(redis.xpending(stream, "ticketing")).filter(p -> p.getTotal() == 0
                && redis.xinfoGroups(stream).get(0).getLastDeliveredId().getTime() > 0), "both entries acknowledged");
        assertEquals(List.of("created"), types(t));
        assertEquals("urgent", t.origin().priority());
    }

    @Test
    void ofTwoAgentsClaimingAtOnceOneWinsAndTheOtherIsToldWho() throws Exception {
        HandoffRig.detractor(server, "race-1");
        Ticket t = HandoffRig.ticketOf(server, "race-1");
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> claims = new ArrayList<>();
        for (String token : List.of(DEFAULT, DEFAULT_2)) {
            claims.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return post(server, token, "/api/v1/tickets/" + t.id() + "/claim", body());
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        String refusal = null;
        for (CompletableFuture<HttpResponse<String>> claim : claims) {
            HttpResponse<String> r = claim.get();
            statuses.add(r.statusCode());
            if (r.statusCode() == 409) {
                refusal = TestServer.parse(r.body()).path("error").asText();
            }
        }
        assertEquals(List.of(200, 409), statuses.stream().sorted().toList());
        Ticket now = reload(server, t.id());
        assertEquals("already claimed by " + now.assignee(), refusal);
        assertEquals(List.of("created", "claimed"), types(now));
    }

    @Test
    void aTransferMovesTheTicketToTheOtherQueueOpenAgainWithAFreshClaimDeadline() {
        HandoffRig.detractor(server, "move-1");
        Ticket t = HandoffRig.ticketOf(server, "move-1");
        ok(post(server, DEFAULT, "/api/v1/tickets/" + t.id() + "/claim", body()));
        CLOCK.advance(Duration.ofMinutes(5));

        JsonNode moved = ok(post(server, DEFAULT, "/api/v1/tickets/" + t.id() + "/transfer",
                body("queue", "store-sh-001", "note", "customer is from People's Square")));

        assertEquals("store-sh-001", moved.path("ticket").path("queue").asText());
        assertEquals("open", moved.path("ticket").path("status").asText());
        assertTrue(moved.path("ticket").path("assignee").isNull());
        assertEquals(CLOCK.instant().plus(Duration.ofMinutes(30)), reload(server, t.id()).times().claimDueAt());
        assertEquals(200, HandoffRig.get(server, EAST, "/api/v1/tickets/" + t.id()).statusCode());
        assertEquals(404, HandoffRig.get(server, DEFAULT, "/api/v1/tickets/" + t.id()).statusCode());
        TicketEvent transfer = server.app().handoff().tickets().events(t.id(), 10).get(2);
        assertEquals(Map.of("queue", "store-sh-001", "note", "customer is from People's Square"), transfer.details());
    }

    @Test
    void aTransferToAnAgentHandsThemTheTicket() {
        HandoffRig.detractor(server, "move-2");
        Ticket t = HandoffRig.ticketOf(server, "move-2");
        JsonNode moved = ok(post(server, HandoffRig.SUPERVISOR, "/api/v1/tickets/" + t.id() + "/transfer",
                body("agent", "bob")));
        assertEquals("claimed", moved.path("ticket").path("status").asText());
        assertEquals("bob", moved.path("ticket").path("assignee").asText());
    }

    @Test
    void notesStayInTheHistoryAndNeverReachTheCustomer() {
        HandoffRig.detractor(server, "note-1");
        Ticket t = HandoffRig.ticketOf(server, "note-1");
        int before = mailbox(server, "note-1").size();
        ok(post(server, DEFAULT, "/api/v1/tickets/" + t.id() + "/notes", body("text", "VIP customer, call first")));

        JsonNode detail = ok(HandoffRig.get(server, DEFAULT, "/api/v1/tickets/" + t.id()));
        JsonNode note = detail.path("events").path(1);
        assertEquals("note", note.path("type").asText());
        assertEquals("default-1", note.path("by").asText());
        assertEquals("VIP customer, call first", note.path("details").path("text").asText());
        assertEquals(before, mailbox(server, "note-1").size());
    }

    @Test
    void closingWithoutContactEndsItQuietly() {
        HandoffRig.detractor(server, "close-1");
        Ticket t = HandoffRig.ticketOf(server, "close-1");
        int before = mailbox(server, "close-1").size();

        JsonNode closed = ok(post(server, DEFAULT, "/api/v1/tickets/" + t.id() + "/close", body("note", "spam")));

        assertEquals("closed", closed.path("ticket").path("status").asText());
        Ticket now = reload(server, t.id());
        assertEquals("no_contact", now.resolution().reason());
        assertEquals("default-1", now.resolution().by());
        assertEquals(before, mailbox(server, "close-1").size(), "the customer hears nothing");
        assertEquals(409, post(server, DEFAULT, "/api/v1/tickets/" + t.id() + "/claim", body()).statusCode());
    }

    @Test
    void aCustomerWhoCancelsLeavesTheQueueAndTheTicketCloses() {
        server.chat("leave-1", "l1-1", "人工");
        Ticket t = HandoffRig.ticketOf(server, "leave-1");
        assertEquals("customer_request", t.origin().reason());

        assertEquals("好的，已为您取消人工服务。", TestServer.reply(server.chat("leave-1", "l1-2", "取消")));

        Ticket closed = await(() -> Optional.of(reload(server, t.id())).filter(x -> x.status() == TicketStatus.CLOSED),
                "the ticket closed");
        assertEquals("customer_left", closed.resolution().reason());
        assertNull(closed.resolution().by());
    }

    @Test
    void theConfiguredLeaveKeywordWorksToo() {
        server.chat("leave-2", "l2-1", "人工");
        Ticket t = HandoffRig.ticketOf(server, "leave-2");
        assertEquals("好的，已为您取消人工服务。", TestServer.reply(server.chat("leave-2", "l2-2", "不等了")));
        await(() -> Optional.of(reload(server, t.id())).filter(x -> x.status() == TicketStatus.CLOSED), "closed");
    }

    @Test
    void aCustomerNobodyClaimsHearsTheConfiguredHonestMessage() {
        server.chat("wait-1", "w1-1", "人工");
        HandoffRig.ticketOf(server, "wait-1");
        CLOCK.advance(Duration.ofMinutes(11));

        await(() -> Optional.of(mailbox(server, "wait-1")).filter(box -> box.stream().anyMatch(m -> m.startsWith(
                "抱歉，现在没有空闲的客服，我们会在 2 小时内回电。"))), "the honest no-agent message");
    }

    @Test
    void aComplaintTypedAfterTheDetractorScoreAddsItsEvidenceToTheOpenTicket() {
        server.chat("evidence-1", "e1-1", "你好");
        server.chat("evidence-1", "e1-2", "2");
        Ticket opened = HandoffRig.ticketOf(server, "evidence-1");
        assertEquals("2", opened.origin().evidence().get("score"));

        server.chat("evidence-1", "e1-3", "外卖送到都凉了，还少了一份饭");

        Ticket t = await(() -> Optional.of(reload(server, opened.id()))
                .filter(r -> r.origin().evidence().containsKey("phrases")), "the complaint's evidence on the ticket");
        assertEquals("2", t.origin().evidence().get("score"), "the score stays");
        assertEquals("delivery", t.origin().category());
        assertTrue(t.origin().evidence().get("phrases").contains("凉"), t.origin().evidence().toString());
        assertTrue(types(t).contains("evidence"), types(t).toString());
    }
}
