package io.feedbackbot.server.api;

import io.feedbackbot.server.http.HttpError;
import io.feedbackbot.server.http.Request;
import io.feedbackbot.server.http.Route;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Bearer-token check for {@code /api/v1}: wraps a route so it runs only for a caller presenting the admin token.
 * Compared in constant time.
 */
public final class ApiAuth {

    private final byte[] adminToken;

    public ApiAuth(String adminToken) {
        this.adminToken = adminToken.getBytes(StandardCharsets.UTF_8);
    }

    public Route admin(Route route) {
        return request -> {
            check(request);
            return route.handle(request);
        };
    }

    private void check(Request request) {
        String header = request.header("Authorization").orElse("");
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw HttpError.unauthorized("send Authorization: Bearer <token> (the admin token is in the data directory)");
        }
        byte[] presented = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(presented, adminToken)) {
            throw HttpError.unauthorized("the bearer token is not valid");
        }
    }
}
