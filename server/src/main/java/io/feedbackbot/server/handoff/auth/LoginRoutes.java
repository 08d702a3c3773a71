package io.feedbackbot.server.handoff.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackbot.config.ConsoleSettings;
import io.feedbackbot.server.http.HttpError;
import io.feedbackbot.server.http.JsonBodies;
import io.feedbackbot.server.http.Reply;
import io.feedbackbot.server.http.Request;
import io.feedbackbot.server.http.Responses;
import io.feedbackbot.server.http.Router;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Console login and logout ({@code POST /console/login}, {@code POST /console/logout}) and who am I
 * ({@code GET /api/v1/me}). The session cookie is HttpOnly and SameSite=Strict (and Secure when the public URL is
 * https); the CSRF token for later requests comes back in the body. A wrong username and a wrong password get the
 * same answer; too many failures for one username get 429 for a while.
 */
public final class LoginRoutes {

    private static final Logger log = LoggerFactory.getLogger(LoginRoutes.class);

    private final UserDirectory users;
    private final Sessions sessions;
    private final Authenticator auth;
    private final Executor blocking;
    private final boolean secureCookie;

    public LoginRoutes(UserDirectory users, Sessions sessions, Authenticator auth, Executor blocking,
                       boolean secureCookie) {
        this.users = users;
        this.sessions = sessions;
        this.auth = auth;
        this.blocking = blocking;
        this.secureCookie = secureCookie;
    }

    public void register(Router router) {
        router.add(HttpMethod.POST, "/console/login", this::login)
                .add(HttpMethod.POST, "/console/logout", auth.require(EnumSet.allOf(Role.class), this::logout))
                .add(HttpMethod.GET, "/api/v1/me", auth.require(EnumSet.allOf(Role.class),
                        (request, caller) -> Responses.done(Responses.json(HttpResponseStatus.OK, me(caller)))));
    }

    private CompletableFuture<Reply> login(Request request) {
        JsonNode body = JsonBodies.object(request);
        String username = JsonBodies.requiredText(body, "username").trim();
        char[] password = JsonBodies.requiredText(body, "password").toCharArray();
        return CompletableFuture.supplyAsync(() -> {
            if (!sessions.mayTry(username)) {
                throw new HttpError(HttpResponseStatus.TOO_MANY_REQUESTS, "too many failed logins, try again later");
            }
            Optional<ConsoleSettings.User> user = users.check(username, password);
            java.util.Arrays.fill(password, '\0');
            if (user.isEmpty()) {
                sessions.failed(username);
                log.info("console login refused for a user name of {} characters", username.length());
                throw HttpError.unauthorized("wrong username or password");
            }
            sessions.succeeded(username);
            Sessions.Session session = sessions.start(username);
            log.info("console login: {}", username);
            Principal caller = users.user(username, session.csrf()).orElseThrow();
            return Responses.json(HttpResponseStatus.OK, me(caller)).withHeader("Set-Cookie", cookie(session.token(),
                    sessions.ttl().toSeconds()));
        }, blocking);
    }

    private CompletableFuture<Reply> logout(Request request, Principal caller) {
        Optional<String> token = Authenticator.sessionCookie(request.headers());
        return CompletableFuture.supplyAsync(() -> {
            token.ifPresent(sessions::end);
            return Responses.json(HttpResponseStatus.OK, Map.of("loggedOut", true))
                    .withHeader("Set-Cookie", cookie("", 0));
        }, blocking);
    }

    private String cookie(String value, long maxAge) {
        return Authenticator.COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAge + "; HttpOnly; SameSite=Strict"
                + (secureCookie ? "; Secure" : "");
    }

    static Map<String, Object> me(Principal caller) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("username", caller.name());
        out.put("name", caller.displayName());
        out.put("roles", caller.roles().stream().map(Role::id).sorted().toList());
        out.put("queues", caller.queues().stream().sorted().toList());
        out.put("seesAllQueues", caller.seesAllQueues());
        if (caller.csrf() != null) {
            out.put("csrf", caller.csrf());
        }
        return out;
    }
}
