package io.feedbackbot.server.handoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackbot.core.ticket.Ticket;
import io.feedbackbot.server.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Console logins: password hashes, the session cookie's flags, CSRF on changes, logout, and slowing down guessers. */
class ConsoleLoginTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(HandoffRig.yaml(HandoffRig.QUIET, "{}", "{}", "{}",
                "    - {username: ari, passwordHash: \"" + argon2("argon secret") + "\", roles: [agent], queues: [default]}\n"
                        + "    - {username: guess, passwordHash: \"" + argon2("x") + "\", roles: [agent]}\n"),
                Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** An argon2id hash in the PHC string form, as `argon2` or libsodium would write it. */
    static String argon2(String password) {
        byte[] salt = "0123456789abcdef".getBytes(StandardCharsets.UTF_8);
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(19)
                .withMemoryAsKB(4096).withIterations(2).withParallelism(1).withSalt(salt).build());
        byte[] hash = new byte[32];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), hash);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$m=4096,t=2,p=1$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    private static HttpResponse<String> login(String username, String password) {
        return server.post("/console/login", TestServer.json(Map.of("username", username, "password", password)));
    }

    private static String cookie(HttpResponse<String> login) {
        return login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    @Test
    void aLoginSetsAStrictHttpOnlySessionCookieAndHandsOutTheCsrfToken() {
        HttpResponse<String> login = login("bob", HandoffRig.PASSWORD);
        assertEquals(200, login.statusCode(), login.body());
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.startsWith("fb_session="));
        assertTrue(setCookie.contains("; HttpOnly"));
        assertTrue(setCookie.contains("; SameSite=Strict"));
        assertTrue(setCookie.contains("; Path=/"));
        assertFalse(setCookie.contains("Secure"), "plain http here; Secure when http.publicUrl is https");
        assertFalse(TestServer.parse(login.body()).path("csrf").asText().isEmpty());

        JsonNode me = TestServer.parse(server.get("/api/v1/me", "Cookie", cookie(login)).body());
        assertEquals("bob", me.path("username").asText());
        assertEquals("[\"default\"]", me.path("queues").toString());
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
        HttpResponse<String> wrong = login("sue", "nope");
        HttpResponse<String> unknown = login("nobody", "nope");
        assertEquals(401, wrong.statusCode());
        assertEquals(wrong.body(), unknown.body());
        assertTrue(wrong.headers().firstValue("Set-Cookie").isEmpty());
    }

    @Test
    void anArgon2HashWorksLikeBcrypt() {
        assertEquals(200, login("ari", "argon secret").statusCode());
        assertEquals(401, login("ari", "argon secreT").statusCode());
    }

    @Test
    void aChangeMadeWithTheCookieNeedsTheSessionsCsrfToken() {
        HandoffRig.detractor(server, "csrf-1");
        Ticket t = HandoffRig.ticketOf(server, "csrf-1");
        HttpResponse<String> login = login("bob", HandoffRig.PASSWORD);
        String csrf = TestServer.parse(login.body()).path("csrf").asText();
        String claim = "/api/v1/tickets/" + t.id() + "/claim";

        HttpResponse<String> forged = server.post(claim, "{}", "Cookie", cookie(login));
        assertEquals(403, forged.statusCode());
        assertTrue(forged.body().contains("X-CSRF-Token"));
        assertEquals(403, server.post(claim, "{}", "Cookie", cookie(login), "X-CSRF-Token", "guess").statusCode());
        assertEquals(200, server.post(claim, "{}", "Cookie", cookie(login), "X-CSRF-Token", csrf).statusCode());
    }

    @Test
    void loggingOutEndsTheSessionEverywhere() {
        HttpResponse<String> login = login("sue", HandoffRig.PASSWORD);
        String csrf = TestServer.parse(login.body()).path("csrf").asText();
        HttpResponse<String> out = server.post("/console/logout", "{}", "Cookie", cookie(login), "X-CSRF-Token", csrf);
        assertEquals(200, out.statusCode());
        assertTrue(out.headers().firstValue("Set-Cookie").orElseThrow().contains("Max-Age=0"));
        assertEquals(401, server.get("/api/v1/me", "Cookie", cookie(login)).statusCode());
    }

    @Test
    void tooManyFailedLoginsLockTheNameForAWhile() {
        for (int i = 0; i < 10; i++) {
            assertEquals(401, login("guess", "wrong " + i).statusCode());
        }
        assertEquals(429, login("guess", "x").statusCode());
    }

    @Test
    void theConsolePageIsServedWithAStrictContentSecurityPolicy() {
        HttpResponse<String> page = server.get("/console/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("/console/main.js"));
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'")
                && !csp.contains("unsafe-inline"), csp);
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals(200, server.get("/console/main.js").statusCode());
        assertEquals(404, server.get("/console/../chat.html").statusCode());
    }
}
