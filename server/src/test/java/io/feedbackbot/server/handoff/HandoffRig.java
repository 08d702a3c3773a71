package io.feedbackbot.server.handoff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackbot.core.ticket.Ticket;
import io.feedbackbot.core.ticket.TicketQuery;
import io.feedbackbot.core.ticket.TicketStatus;
import io.feedbackbot.server.testing.TestServer;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A server with a small organisation for hand-off tests: store SH-001 (queue store-sh-001) in area east, the default
 * queue, console users ann (agent of SH-001), bob (agent of the default queue), sue (supervisor), mia (marketer),
 * all with the password {@link #PASSWORD}, and bearer tokens for each role.
 */
final class HandoffRig {

    static final String PASSWORD = "correct horse";
    static final String EAST = "token-agent-east-000001";
    static final String EAST_2 = "token-agent-east-000002";
    static final String DEFAULT = "token-agent-default-01";
    static final String DEFAULT_2 = "token-agent-default-02";
    static final String SUPERVISOR = "token-supervisor-000001";
    static final String MARKETER = "token-marketer-00000001";

    /** Deadline checks only when a test runs them; a custom notice and leave keyword. */
    static final String QUIET = "  checkEvery: 1h\n  leaveKeywords: [不等了]\n"
            + "  noAgentMessage: {zh-CN: 抱歉，现在没有空闲的客服，我们会在 2 小时内回电。, en: \"Sorry, nobody is free; we will call you back within 2 hours.\"}\n";

    private HandoffRig() {
    }

    /** The hand-off configuration; {@code orgNotify} is put under each unit ({@code {}} for none). */
    static String yaml(String handoff, String storeNotify, String areaNotify, String headNotify) {
        return yaml(handoff, storeNotify, areaNotify, headNotify, "");
    }

    /** As above, with more console users ({@code "    - {username: …}\n"} lines). */
    static String yaml(String handoff, String storeNotify, String areaNotify, String headNotify, String moreUsers) {
        String hash = BCrypt.withDefaults().hashToString(4, PASSWORD.toCharArray());
        return "handoff:\n" + handoff
                + "org:\n"
                + "  headOffice: {id: HQ, name: Head office, notify: " + headNotify + "}\n"
                + "  areas:\n"
                + "    - id: east\n      name: East\n      notify: " + areaNotify + "\n"
                + "      stores: [{id: SH-001, name: People's Square, agents: [ann], notify: " + storeNotify + "}]\n"
                + "console:\n  users:\n"
                + "    - {username: ann, name: Ann, passwordHash: \"" + hash + "\", roles: [agent]}\n"
                + "    - {username: bob, name: Bob, passwordHash: \"" + hash + "\", roles: [agent], queues: [default]}\n"
                + "    - {username: sue, name: Sue, passwordHash: \"" + hash + "\", roles: [supervisor]}\n"
                + "    - {username: mia, name: Mia, passwordHash: \"" + hash + "\", roles: [marketer]}\n"
                + "    - {username: dan, name: Dan, passwordHash: \"" + hash + "\", roles: [agent], queues: [default]}\n"
                + moreUsers
                + "api:\n  adminToken: " + TestServer.TOKEN + "\n  tokens:\n"
                + "    - {name: east-1, token: " + EAST + ", roles: [agent], queues: [store-sh-001]}\n"
                + "    - {name: east-2, token: " + EAST_2 + ", roles: [agent], queues: [store-sh-001]}\n"
                + "    - {name: default-1, token: " + DEFAULT + ", roles: [agent], queues: [default]}\n"
                + "    - {name: default-2, token: " + DEFAULT_2 + ", roles: [agent], queues: [default]}\n"
                + "    - {name: supervisor, token: " + SUPERVISOR + ", roles: [supervisor]}\n"
                + "    - {name: marketer, token: " + MARKETER + ", roles: [marketer]}\n";
    }

    static TestServer start(Clock clock) {
        return TestServer.start(yaml(QUIET, "{}", "{}", "{}"), clock);
    }

    static HttpResponse<String> get(TestServer server, String token, String path) {
        return server.get(path, "Authorization", "Bearer " + token);
    }

    static HttpResponse<String> post(TestServer server, String token, String path, Object body) {
        return server.post(path, TestServer.json(body), "Authorization", "Bearer " + token);
    }

    static JsonNode ok(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return TestServer.parse(response.body());
    }

    /** The ticket of this web chat customer, once the outbox has turned it into one. */
    static Ticket ticketOf(TestServer server, String customer) {
        return await(() -> server.app().handoff().tickets().list(new TicketQuery(null,
                        EnumSet.allOf(TicketStatus.class), 1000)).stream()
                .filter(t -> t.conversation().customer().equals(customer)).findFirst(), "a ticket for " + customer);
    }

    /** The ticket as it is now. */
    static Ticket reload(TestServer server, String id) {
        return server.app().handoff().tickets().find(id).orElseThrow();
    }

    /** Waits (up to 20 s) until {@code probe} finds something. */
    static <T> T await(Supplier<Optional<T>> probe, String what) {
        Instant give = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(give)) {
            Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            sleep(50);
        }
        throw new AssertionError("gave up waiting for " + what);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The texts in a web chat customer's mailbox. */
    static List<String> mailbox(TestServer server, String customer) {
        JsonNode box = TestServer.parse(server.get("/webhooks/webchat/demo/messages?customer=" + customer).body());
        return java.util.stream.StreamSupport.stream(box.path("messages").spliterator(), false)
                .map(m -> m.path("text").asText()).toList();
    }

    /** A web chat customer who answers the demo NPS with 3 (a detractor: a ticket opens). */
    static void detractor(TestServer server, String customer) {
        server.chat(customer, customer + "-1", "你好");
        server.chat(customer, customer + "-2", "3");
    }

    static Map<String, Object> body(Object... kv) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            out.put((String) kv[i], kv[i + 1]);
        }
        return out;
    }
}
