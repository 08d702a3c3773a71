package io.feedbackbot.server.api;

import io.feedbackbot.server.handoff.auth.Authenticator;
import io.feedbackbot.server.handoff.auth.Principal;
import io.feedbackbot.server.handoff.auth.Role;
import io.feedbackbot.server.http.Reply;
import io.feedbackbot.server.http.Request;
import io.feedbackbot.server.http.Route;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Who may call which part of {@code /api/v1}: the console's {@link Authenticator} (a bearer token from
 * {@code api.adminToken} or {@code api.tokens}, or a console session with its CSRF token) with the roles each part
 * needs. The admin token acts with role admin, which every part accepts.
 */
public final class ApiAuth {

    /** Triggering survey invitations. */
    public static final Set<Role> INVITE = EnumSet.of(Role.ADMIN, Role.MARKETER);
    /** Reading answers and reports. */
    public static final Set<Role> RESULTS = EnumSet.of(Role.ADMIN, Role.MARKETER, Role.SUPERVISOR);
    /** Creating and running campaigns. */
    public static final Set<Role> CAMPAIGNS = EnumSet.of(Role.ADMIN, Role.MARKETER);

    private final Authenticator authenticator;

    public ApiAuth(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    /** A route for callers with one of {@code roles}; 401 without credentials, 403 without the role. */
    public Route require(Set<Role> roles, Route route) {
        return authenticator.require(roles, (request, caller) -> route.handle(request));
    }

    /** Like {@link #require(Set, Route)} for handlers that record who acted. */
    public Route requireCaller(Set<Role> roles, Authenticator.Handler handler) {
        return authenticator.require(roles, handler);
    }

    /**
     * Checks a request that is not routed (a streamed upload): completes with the caller, or exceptionally with
     * the {@link io.feedbackbot.server.http.HttpError} to answer.
     */
    public CompletableFuture<Principal> check(Set<Role> roles, Request request) {
        CompletableFuture<Principal> caller = new CompletableFuture<>();
        CompletableFuture<Reply> checked;
        try {
            checked = authenticator.require(roles, (r, who) -> {
                caller.complete(who);
                return CompletableFuture.completedFuture(null);
            }).handle(request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return checked.thenCompose(ignored -> caller);
    }
}
