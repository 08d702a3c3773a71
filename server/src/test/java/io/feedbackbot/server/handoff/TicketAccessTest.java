package io.feedbackbot.server.handoff;

import static io.feedbackbot.server.handoff.HandoffRig.DEFAULT;
import static io.feedbackbot.server.handoff.HandoffRig.DEFAULT_2;
import static io.feedbackbot.server.handoff.HandoffRig.EAST;
import static io.feedbackbot.server.handoff.HandoffRig.MARKETER;
import static io.feedbackbot.server.handoff.HandoffRig.SUPERVISOR;
import static io.feedbackbot.server.handoff.HandoffRig.body;
import static io.feedbackbot.server.handoff.HandoffRig.ok;
import static io.feedbackbot.server.handoff.HandoffRig.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feedbackbot.core.ticket.Ticket;
import io.feedbackbot.server.testing.TestServer;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every ticket endpoint checks who calls: the role, the queue, and who has the ticket. */
class TicketAccessTest {

    private static TestServer server;
    private static Ticket ticket;

    /** Every endpoint, with a body that would be valid. */
    private static final List<String[]> ENDPOINTS = List.of(
            new String[] {"GET", "/api/v1/tickets", null},
            new String[] {"GET", "/api/v1/tickets/{id}", null},
            new String[] {"GET", "/api/v1/queues", null},
            new String[] {"POST", "/api/v1/tickets/{id}/claim", "{}"},
            new String[] {"POST", "/api/v1/tickets/{id}/messages", "{\"text\":\"hi\"}"},
            new String[] {"POST", "/api/v1/tickets/{id}/sms", "{\"text\":\"hi\",\"requestId\":\"abcdefgh\"}"},
            new String[] {"POST", "/api/v1/tickets/{id}/notes", "{\"text\":\"n\"}"},
            new String[] {"POST", "/api/v1/tickets/{id}/transfer", "{\"queue\":\"default\"}"},
            new String[] {"POST", "/api/v1/tickets/{id}/resolve", "{\"note\":\"x\"}"},
            new String[] {"POST", "/api/v1/tickets/{id}/close", "{}"});

    @BeforeAll
    static void start() {
        server = HandoffRig.start(Clock.systemUTC());
        HandoffRig.detractor(server, "access-1");
        ticket = HandoffRig.ticketOf(server, "access-1");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> call(String[] endpoint, String... headers) {
        String path = endpoint[1].replace("{id}", ticket.id());
        return endpoint[0].equals("GET") ? server.get(path, headers) : server.post(path, endpoint[2], headers);
    }

    @Test
    void withoutCredentialsEveryEndpointAnswers401() {
        for (String[] endpoint : ENDPOINTS) {
            assertEquals(401, call(endpoint).statusCode(), endpoint[1]);
            assertEquals(401, call(endpoint, "Authorization", "Bearer not-a-token").statusCode(), endpoint[1]);
        }
        assertEquals(401, server.get("/api/v1/me").statusCode());
    }

    @Test
    void aMarketerGets403EverywhereAndCannotClaim() {
        for (String[] endpoint : ENDPOINTS) {
            HttpResponse<String> r = call(endpoint, "Authorization", "Bearer " + MARKETER);
            assertEquals(403, r.statusCode(), endpoint[1] + " " + r.body());
        }
        assertEquals(200, HandoffRig.get(server, MARKETER, "/api/v1/me").statusCode());
    }

    @Test
    void anAgentOfAnotherQueueDoesNotSeeTheTicketAtAll() {
        for (String[] endpoint : ENDPOINTS.subList(3, ENDPOINTS.size())) {
            assertEquals(404, call(endpoint, "Authorization", "Bearer " + EAST).statusCode(), endpoint[1]);
        }
        assertEquals(404, call(ENDPOINTS.get(1), "Authorization", "Bearer " + EAST).statusCode());
        assertEquals(403, HandoffRig.get(server, EAST, "/api/v1/tickets?queue=default").statusCode());
        assertFalse(ok(HandoffRig.get(server, EAST, "/api/v1/tickets")).path("tickets").findValuesAsText("id")
                .contains(ticket.id()));
        assertEquals("[\"store-sh-001\"]", ok(HandoffRig.get(server, EAST, "/api/v1/queues")).path("queues").toString());
    }

    @Test
    void onlyTheAgentWhoHasItWritesToTheCustomerOrResolvesItButASupervisorMayResolveAny() {
        HandoffRig.detractor(server, "access-2");
        Ticket t = HandoffRig.ticketOf(server, "access-2");
        String base = "/api/v1/tickets/" + t.id();
        assertEquals(409, post(server, DEFAULT, base + "/messages", body("text", "hello")).statusCode(),
                "claim it first");
        ok(post(server, DEFAULT, base + "/claim", body()));

        HttpResponse<String> other = post(server, DEFAULT_2, base + "/messages", body("text", "hello"));
        assertEquals(409, other.statusCode());
        assertTrue(other.body().contains("with default-1"), other.body());
        assertEquals(409, post(server, DEFAULT_2, base + "/resolve", body("note", "x")).statusCode());
        assertEquals(403, post(server, DEFAULT_2, base + "/transfer", body("queue", "store-sh-001")).statusCode());

        assertTrue(ok(HandoffRig.get(server, SUPERVISOR, "/api/v1/tickets?queue=default")).path("tickets")
                .findValuesAsText("id").contains(t.id()));
        ok(post(server, SUPERVISOR, base + "/resolve", body("note", "handled by phone", "complaint", false)));
        assertEquals("supervisor", HandoffRig.reload(server, t.id()).resolution().by());
        assertEquals("default-1", HandoffRig.reload(server, t.id()).assignee());
    }

    @Test
    void theAdminTokenWorksAsRoleAdmin() {
        assertEquals(200, HandoffRig.get(server, TestServer.TOKEN, "/api/v1/tickets/" + ticket.id()).statusCode());
        assertEquals(List.of("admin"), List.of(ok(HandoffRig.get(server, TestServer.TOKEN, "/api/v1/me"))
                .path("roles").path(0).asText()));
    }

    @Test
    void badRequestsGetAOneLineReason() {
        assertEquals(400, HandoffRig.get(server, DEFAULT, "/api/v1/tickets?status=pending").statusCode());
        assertEquals(400, post(server, SUPERVISOR, "/api/v1/tickets/" + ticket.id() + "/transfer",
                body("queue", "nowhere")).statusCode());
        assertEquals(400, post(server, SUPERVISOR, "/api/v1/tickets/" + ticket.id() + "/notes",
                body("text", "x".repeat(2001))).statusCode());
        assertEquals(404, HandoffRig.get(server, SUPERVISOR, "/api/v1/tickets/%7Bevil%7D").statusCode());
        HttpResponse<String> r = post(server, SUPERVISOR, "/api/v1/tickets/" + ticket.id() + "/resolve",
                Map.of("complaint", "maybe"));
        assertEquals(400, r.statusCode());
        assertEquals("complaint must be true or false", TestServer.parse(r.body()).path("error").asText());
    }
}
