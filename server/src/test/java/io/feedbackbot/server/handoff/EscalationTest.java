package io.feedbackbot.server.handoff;

import static io.feedbackbot.server.handoff.HandoffRig.EAST;
import static io.feedbackbot.server.handoff.HandoffRig.SUPERVISOR;
import static io.feedbackbot.server.handoff.HandoffRig.body;
import static io.feedbackbot.server.handoff.HandoffRig.ok;
import static io.feedbackbot.server.handoff.HandoffRig.post;
import static io.feedbackbot.server.handoff.HandoffRig.reload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackbot.core.ticket.Ticket;
import io.feedbackbot.core.ticket.TicketEvent;
import io.feedbackbot.server.handoff.escalation.NoticeFormats;
import io.feedbackbot.server.testing.TestClock;
import io.feedbackbot.server.testing.TestServer;
import java.nio.charset.StandardCharsets;
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

/**
 * Deadlines and escalation with an injected clock, two nodes on one Redis, and real webhook receivers: a missed
 * deadline raises the ticket one level once, records it, and notifies that level (generic webhook signed with
 * HMAC-SHA256, WeCom robot markdown), retrying failed notices.
 */
class EscalationTest {

    private static final TestClock CLOCK = new TestClock(Instant.parse("2026-11-23T08:00:00Z"));
    private static NoticeReceiver receiver;
    private static TestServer node1;
    private static TestServer node2;

    @BeforeAll
    static void start() {
        receiver = new NoticeReceiver();
        node1 = TestServer.start(HandoffRig.yaml(HandoffRig.QUIET, "{webhook: \"" + receiver.url("/store") + "\"}",
                "{webhook: \"" + receiver.url("/area") + "\", secret: s3cret}",
                "{webhook: \"" + receiver.url("/hq") + "\", wecom: \"" + receiver.url("/wecom") + "\"}"), CLOCK);
        node2 = node1.anotherNode();
    }

    @AfterAll
    static void stop() throws Exception {
        node2.close();
        node1.close();
        receiver.close();
    }

    /** A detractor from an invitation of store SH-001 (priority high: claim within 30 min, resolve within 4 h). */
    private static Ticket storeTicket(String customer) {
        assertEquals(202, node1.post("/api/v1/surveys/post-delivery-nps/invitations", TestServer.json(Map.of(
                "channel", "webchat", "account", "demo", "to", customer, "context", Map.of("store", "SH-001"))),
                "Authorization", "Bearer " + TestServer.TOKEN).statusCode());
        node1.chat(customer, customer + "-1", "3");
        return HandoffRig.ticketOf(node1, customer);
    }

    /** Both nodes run their deadline check at the same moment. */
    private static void bothCheck() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Integer>> runs = new ArrayList<>();
        for (TestServer node : List.of(node1, node2)) {
            runs.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return node.app().handoff().deadlines().runOnce();
            }));
        }
        go.countDown();
        for (CompletableFuture<Integer> run : runs) {
            run.get();
        }
    }

    private static void checkOnce() {
        node1.app().handoff().deadlines().runOnce();
    }

    private static List<TicketEvent> escalations(Ticket t) {
        return node1.app().handoff().tickets().events(t.id(), 100).stream()
                .filter(e -> e.type().equals("escalated")).toList();
    }

    @Test
    void aMissedClaimDeadlineRaisesTheTicketToTheAreaOnceEvenWithTwoNodesChecking() throws Exception {
        Ticket t = storeTicket("esc-claim");
        CLOCK.advance(Duration.ofMinutes(29));
        bothCheck();
        assertEquals(Ticket.STORE, reload(node1, t.id()).level());

        CLOCK.advance(Duration.ofMinutes(2));
        bothCheck();
        bothCheck();

        Ticket up = reload(node1, t.id());
        assertEquals(Ticket.AREA, up.level());
        assertEquals(t.times().claimDueAt().plus(Duration.ofMinutes(30)), up.times().claimDueAt());
        List<TicketEvent> history = escalations(t);
        assertEquals(1, history.size());
        assertEquals(Map.of("kind", "claim", "from", "store", "to", "area", "level", "1",
                "due", t.times().claimDueAt().toString()), history.get(0).details());

        List<NoticeReceiver.Received> notices = receiver.at("/area", t.id());
        assertEquals(1, notices.size());
        NoticeReceiver.Received notice = notices.get(0);
        assertEquals(t.id() + "/1", notice.headers().get("x-feedbackbot-event-id"));
        assertEquals(NoticeFormats.signature("s3cret", notice.body().getBytes(StandardCharsets.UTF_8)),
                notice.headers().get("x-feedbackbot-signature"));
        JsonNode json = notice.json();
        assertEquals("ticket.escalated", json.path("type").asText());
        assertEquals(t.id() + "/1", json.path("id").asText());
        assertEquals("area", json.path("levelName").asText());
        assertEquals("east", json.path("unit").path("id").asText());
        assertEquals("claim", json.path("missed").asText());
        assertEquals("store-sh-001", json.path("ticket").path("queue").asText());
        assertTrue(json.path("url").asText().endsWith("/console/#ticket/" + t.id()));
        assertEquals(List.of(), receiver.at("/store", t.id()));
        assertEquals(List.of(), receiver.at("/hq", t.id()));
    }

    @Test
    void aMissedResolveDeadlineEscalatesAClaimedTicketAndTheHeadOfficeIsTheLastLevel() {
        Ticket t = storeTicket("esc-resolve");
        CLOCK.advance(Duration.ofMinutes(1));
        ok(post(node1, EAST, "/api/v1/tickets/" + t.id() + "/claim", body()));

        CLOCK.advance(Duration.ofHours(4));
        checkOnce();
        assertEquals("resolve", receiver.at("/area", t.id()).get(0).json().path("missed").asText());

        CLOCK.advance(Duration.ofHours(4));
        checkOnce();
        Ticket top = reload(node1, t.id());
        assertEquals(Ticket.HEAD_OFFICE, top.level());
        assertEquals(t.times().resolveDueAt().plus(Duration.ofHours(4)), top.times().resolveDueAt(),
                "at the last level the missed deadline stays, so the ticket shows as overdue");
        assertEquals(1, receiver.at("/hq", t.id()).size());
        JsonNode wecom = receiver.at("/wecom", t.id()).get(0).json();
        assertEquals("markdown", wecom.path("msgtype").asText());
        assertTrue(wecom.path("markdown").path("content").asText().contains("head_office"), wecom.toString());

        CLOCK.advance(Duration.ofDays(1));
        checkOnce();
        assertEquals(2, escalations(t).size());
        JsonNode late = ok(HandoffRig.get(node1, SUPERVISOR, "/api/v1/tickets?deadline=past"));
        assertTrue(late.path("tickets").findValuesAsText("id").contains(t.id()));
        assertEquals(2, ok(HandoffRig.get(node1, SUPERVISOR, "/api/v1/tickets/" + t.id())).path("escalations").size());
    }

    @Test
    void aTicketWithoutAnAreaGoesStraightToTheHeadOffice() {
        HandoffRig.detractor(node1, "esc-nostore");
        Ticket t = HandoffRig.ticketOf(node1, "esc-nostore");
        CLOCK.advance(Duration.ofMinutes(31));
        checkOnce();
        assertEquals(Ticket.HEAD_OFFICE, reload(node1, t.id()).level());
        assertEquals(1, receiver.at("/hq", t.id()).size());
        assertEquals(1, receiver.at("/wecom", t.id()).size());
    }

    @Test
    void aFailedNoticeIsRetriedWithBackoffUntilDeliveredAndThenNeverAgain() {
        Ticket t = storeTicket("esc-retry");
        receiver.failFirst(t.id(), 2);
        CLOCK.advance(Duration.ofMinutes(31));
        checkOnce();
        assertEquals(1, receiver.at("/area", t.id()).size());

        checkOnce();
        assertEquals(1, receiver.at("/area", t.id()).size(), "not before the backoff");
        CLOCK.advance(Duration.ofSeconds(1));
        checkOnce();
        assertEquals(2, receiver.at("/area", t.id()).size());
        CLOCK.advance(Duration.ofSeconds(1));
        checkOnce();
        assertEquals(2, receiver.at("/area", t.id()).size(), "the backoff doubled");
        CLOCK.advance(Duration.ofSeconds(1));
        checkOnce();
        CLOCK.advance(Duration.ofMinutes(5));
        checkOnce();

        List<NoticeReceiver.Received> all = receiver.at("/area", t.id());
        assertEquals(3, all.size());
        assertEquals(1, all.stream().map(NoticeReceiver.Received::body).distinct().count(), "the same notice each time");
    }

    @Test
    void supervisorsSeeTicketsNearTheirDeadline() {
        Ticket t = storeTicket("esc-near");
        assertTrue(!ok(HandoffRig.get(node1, SUPERVISOR, "/api/v1/tickets?deadline=near"))
                .path("tickets").findValuesAsText("id").contains(t.id()));
        CLOCK.advance(Duration.ofMinutes(20));
        JsonNode near = ok(HandoffRig.get(node1, SUPERVISOR, "/api/v1/tickets?deadline=near"));
        assertTrue(near.path("tickets").findValuesAsText("id").contains(t.id()));
        assertEquals(403, HandoffRig.get(node1, HandoffRig.MARKETER, "/api/v1/tickets?deadline=near").statusCode());
    }

    @Test
    void theNodesCheckDeadlinesByThemselves() throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-11-23T08:00:00Z"));
        try (TestServer busy = TestServer.start(HandoffRig.yaml("  checkEvery: 100ms\n", "{}",
                "{webhook: \"" + receiver.url("/area-busy") + "\"}", "{}"), clock)) {
            assertEquals(202, busy.post("/api/v1/surveys/post-delivery-nps/invitations", TestServer.json(Map.of(
                    "channel", "webchat", "account", "demo", "to", "auto-1", "context", Map.of("store", "SH-001"))),
                    "Authorization", "Bearer " + TestServer.TOKEN).statusCode());
            busy.chat("auto-1", "a-1", "3");
            Ticket t = HandoffRig.ticketOf(busy, "auto-1");
            clock.advance(Duration.ofMinutes(31));
            HandoffRig.await(() -> Optional.of(receiver.at("/area-busy", t.id())).filter(l -> !l.isEmpty()),
                    "the area notice");
            assertEquals(Ticket.AREA, busy.app().handoff().tickets().find(t.id()).orElseThrow().level());
        }
    }
}
