package io.feedbackbot.server.handoff.auth;

import io.feedbackbot.server.http.HttpError;
import io.feedbackbot.server.http.Reply;
import io.feedbackbot.server.http.Request;
import io.feedbackbot.server.http.Route;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Finds out who is calling and guards routes by role. A bearer token ({@code Authorization: Bearer …}) is checked in
 * memory; a session cookie is looked up in Redis off the event loop. Requests that change something with a session
 * cookie must carry the session's CSRF token in {@code X-CSRF-Token} (the cookie is also SameSite=Strict).
 */
public final class Authenticator {

    public static final String COOKIE = "fb_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private final UserDirectory users;
    private final Sessions sessions;
    private final Executor blocking;

    public Authenticator(UserDirectory users, Sessions sessions, Executor blocking) {
        this.users = users;
        this.sessions = sessions;
        this.blocking = blocking;
    }

    /** Handles a request for a known caller. */
    @FunctionalInterface
    public interface Handler {
        CompletableFuture<Reply> handle(Request request, Principal caller);
    }

    /** A route for callers with at least one of {@code roles}; 401 without credentials, 403 without the role. */
    public Route require(Set<Role> roles, Handler handler) {
        Set<Role> allowed = EnumSet.copyOf(roles);
        return request -> identify(request.headers(), null)
                .thenCompose(found -> {
                    Principal caller = found.orElseThrow(() -> HttpError.unauthorized(
                            "log in at /console/ or send Authorization: Bearer <token>"));
                    if (caller.roles().stream().noneMatch(allowed::contains)) {
                        throw HttpError.forbidden("this needs the role " + String.join(" or ",
                                allowed.stream().map(Role::id).toList()));
                    }
                    if (caller.bySession() && !request.method().equals(HttpMethod.GET) && !csrfMatches(request, caller)) {
                        throw HttpError.forbidden("missing or wrong " + CSRF_HEADER + " header");
                    }
                    return handler.handle(request, caller);
                });
    }

    /**
     * The caller of a request: a bearer token in the header (or, for WebSocket clients that cannot set headers, the
     * {@code token} query parameter), else the session cookie.
     */
    public CompletableFuture<Optional<Principal>> identify(HttpHeaders headers, String queryToken) {
        String authorization = headers.get("Authorization", "");
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return CompletableFuture.completedFuture(users.bearer(authorization.substring(7).trim()));
        }
        if (queryToken != null && !queryToken.isBlank()) {
            return CompletableFuture.completedFuture(users.bearer(queryToken));
        }
        Optional<String> cookie = sessionCookie(headers);
        if (cookie.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return CompletableFuture.supplyAsync(() -> sessions.find(cookie.get())
                .flatMap(s -> users.user(s.username(), s.csrf())), blocking);
    }

    /** The session token in the request's cookie, if any. */
    public static Optional<String> sessionCookie(HttpHeaders headers) {
        for (String header : headers.getAll("Cookie")) {
            for (Cookie c : ServerCookieDecoder.LAX.decode(header)) {
                if (c.name().equals(COOKIE) && !c.value().isBlank()) {
                    return Optional.of(c.value());
                }
            }
        }
        return Optional.empty();
    }

    private static boolean csrfMatches(Request request, Principal caller) {
        String presented = request.header(CSRF_HEADER).orElse("");
        return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                caller.csrf().getBytes(StandardCharsets.UTF_8));
    }
}
