package io.feedbackbot.server.handoff;

import static io.feedbackbot.server.handoff.HandoffRig.DEFAULT;
import static io.feedbackbot.server.handoff.HandoffRig.EAST;
import static io.feedbackbot.server.handoff.HandoffRig.body;
import static io.feedbackbot.server.handoff.HandoffRig.ok;
import static io.feedbackbot.server.handoff.HandoffRig.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackbot.core.ticket.Ticket;
import io.feedbackbot.server.testing.TestServer;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The agents' WebSocket across two nodes on one Redis: the console on node 2 hears about tickets created and claimed
 * on node 1, and receives the transcript of a watched ticket in order, each line once, while the customer writes
 * to node 1 and the bot stays silent.
 */
class AgentStreamTest {

    private static TestServer node1;
    private static TestServer node2;

    @BeforeAll
    static void start() {
        node1 = HandoffRig.start(Clock.systemUTC());
        node2 = node1.anotherNode();
        HandoffRig.await(() -> Optional.of(true).filter(x -> node1.app().handoff().live()
                && node2.app().handoff().live()), "both nodes listening");
    }

    @AfterAll
    static void stop() {
        node2.close();
        node1.close();
    }

    @Test
    void aConsoleOnOneNodeFollowsTicketsAndTranscriptsWrittenOnTheOther() {
        try (StreamClient console = StreamClient.connect(node2, "Authorization", "Bearer " + DEFAULT);
             StreamClient east = StreamClient.connect(node2, "Authorization", "Bearer " + EAST)) {
            JsonNode snapshot = console.next(m -> m.path("type").asText().equals("snapshot"), "a snapshot");
            assertEquals("default-1", snapshot.path("user").asText());
            east.next(m -> m.path("type").asText().equals("snapshot"), "a snapshot");

            HandoffRig.detractor(node1, "stream-1");
            Ticket t = HandoffRig.ticketOf(node1, "stream-1");
            JsonNode created = console.next(StreamClient.ticket("created", t.id()), "the new ticket");
            assertEquals("default", created.path("ticket").path("queue").asText());
            assertEquals("3", created.path("ticket").path("score").asText());

            ok(post(node1, DEFAULT, "/api/v1/tickets/" + t.id() + "/claim", body()));
            console.next(StreamClient.ticket("claimed", t.id()), "the claim");
            console.send(Map.of("type", "watch", "ticketId", t.id(), "after", 0));
            console.next(m -> m.path("type").asText().equals("transcript"), "the transcript so far");

            List<String> said = List.of("m1 骑手迟到了", "m2", "m3 <b>not bold</b>", "m4", "m5");
            for (int i = 0; i < said.size(); i++) {
                JsonNode reply = node1.chat("stream-1", "stream-1-m" + i, said.get(i));
                assertEquals(0, reply.path("replies").size(), "the bot is silent while an agent has the chat");
            }
            ok(post(node1, DEFAULT, "/api/v1/tickets/" + t.id() + "/messages", body("text", "agent here")));

            List<JsonNode> lines = new ArrayList<>();
            while (lines.stream().noneMatch(l -> l.path("text").asText().equals("agent here"))) {
                console.next(m -> m.path("type").asText().equals("transcript"), "more lines")
                        .path("lines").forEach(lines::add);
            }
            List<String> customer = lines.stream().filter(l -> l.path("from").asText().equals("customer"))
                    .map(l -> l.path("text").asText()).filter(x -> x.startsWith("m")).toList();
            assertEquals(said, customer);
            assertEquals("agent:default-1", lines.get(lines.size() - 1).path("from").asText());
            for (int i = 1; i < lines.size(); i++) {
                assertTrue(lines.get(i).path("seq").asLong() > lines.get(i - 1).path("seq").asLong(), lines.toString());
            }

            assertFalse(east.seen().stream().anyMatch(m -> m.path("ticket").path("id").asText().equals(t.id())),
                    "an agent of another queue hears nothing of it");
        }
    }

    @Test
    void theStreamNeedsCredentialsAndASameOriginPageAndTicketRoles() {
        assertEquals(401, handshakeStatus());
        assertEquals(401, handshakeStatus("Authorization", "Bearer wrong-token-wrong-token"));
        assertEquals(403, handshakeStatus("Authorization", "Bearer " + HandoffRig.MARKETER));

        HttpResponse<String> login = node2.post("/console/login", TestServer.json(Map.of("username", "bob",
                "password", HandoffRig.PASSWORD)));
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        assertEquals(403, handshakeStatus("Cookie", cookie, "Origin", "http://evil.example"));
        try (StreamClient ok = StreamClient.connect(node2, "Cookie", cookie, "Origin", node2.url(""))) {
            assertEquals("bob", ok.next(m -> m.path("type").asText().equals("snapshot"), "a snapshot")
                    .path("user").asText());
        }
    }

    private static int handshakeStatus(String... headers) {
        CompletionException e = assertThrows(CompletionException.class, () -> StreamClient.connect(node2, headers));
        return assertInstanceOf(WebSocketHandshakeException.class, e.getCause()).getResponse().statusCode();
    }
}
