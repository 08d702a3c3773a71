package io.feedbackbot.server.handoff;

import static io.feedbackbot.server.handoff.HandoffRig.DEFAULT;
import static io.feedbackbot.server.handoff.HandoffRig.await;
import static io.feedbackbot.server.handoff.HandoffRig.body;
import static io.feedbackbot.server.handoff.HandoffRig.mailbox;
import static io.feedbackbot.server.handoff.HandoffRig.ok;
import static io.feedbackbot.server.handoff.HandoffRig.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackbot.core.ticket.Ticket;
import io.feedbackbot.core.ticket.TicketStatus;
import io.feedbackbot.server.testing.TestServer;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole loop through the API: a detractor in the web chat, an agent, and the customer handed back to the bot. */
class HandoffLoopTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = HandoffRig.start(Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aDetractorIsHandledByAnAgentAndTheBotAsksWhetherTheProblemWasSolved() {
        HandoffRig.detractor(server, "loop-1");
        Ticket ticket = HandoffRig.ticketOf(server, "loop-1");
        assertEquals("default", ticket.queue());
        assertEquals("detractor", ticket.origin().reason());
        assertEquals("3", ticket.origin().evidence().get("score"));

        JsonNode listed = ok(HandoffRig.get(server, DEFAULT, "/api/v1/tickets?status=open"));
        assertTrue(listed.path("tickets").findValuesAsText("id").contains(ticket.id()), listed.toString());

        JsonNode claimed = ok(post(server, DEFAULT, "/api/v1/tickets/" + ticket.id() + "/claim", body()));
        assertEquals("claimed", claimed.path("ticket").path("status").asText());
        assertEquals("default-1", claimed.path("ticket").path("assignee").asText());
        assertTrue(mailbox(server, "loop-1").contains("客服已接入，请问有什么可以帮您？"), mailbox(server, "loop-1").toString());

        JsonNode sent = ok(post(server, DEFAULT, "/api/v1/tickets/" + ticket.id() + "/messages",
                body("text", "您好，我是客服小王，很抱歉这次配送慢了。")));
        assertEquals("mailbox", sent.path("outcomes").path(0).path("status").asText());
        assertTrue(mailbox(server, "loop-1").contains("您好，我是客服小王，很抱歉这次配送慢了。"));

        ok(post(server, DEFAULT, "/api/v1/tickets/" + ticket.id() + "/resolve",
                body("note", "refunded the delivery fee", "complaint", true)));
        List<String> box = mailbox(server, "loop-1");
        assertTrue(box.get(box.size() - 1).startsWith("您的问题解决了吗"), box.toString());

        assertTrue(TestServer.reply(server.chat("loop-1", "loop-1-3", "是")).contains("满意"));
        server.chat("loop-1", "loop-1-4", "5");

        Ticket done = await(() -> Optional.of(HandoffRig.reload(server, ticket.id()))
                .filter(t -> "5".equals(t.followUp().handling())), "the follow-up on the ticket");
        assertEquals(TicketStatus.RESOLVED, done.status());
        assertEquals("yes", done.followUp().solved());
        assertEquals("default-1", done.assignee());
        assertEquals(new Ticket.Resolution("default-1", "refunded the delivery fee", true, null), done.resolution());
    }
}
