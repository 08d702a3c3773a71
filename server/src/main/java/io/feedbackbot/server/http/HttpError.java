package io.feedbackbot.server.http;

import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * A request that cannot be served, with the status to answer and a one-line reason for the caller. Thrown by
 * route handlers; the dispatcher turns it into {@code {"error": "…"}}.
 */
public final class HttpError extends RuntimeException {

    private final HttpResponseStatus status;

    public HttpError(HttpResponseStatus status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    public HttpResponseStatus status() {
        return status;
    }

    public static HttpError badRequest(String reason) {
        return new HttpError(HttpResponseStatus.BAD_REQUEST, reason);
    }

    public static HttpError notFound(String reason) {
        return new HttpError(HttpResponseStatus.NOT_FOUND, reason);
    }

    public static HttpError forbidden(String reason) {
        return new HttpError(HttpResponseStatus.FORBIDDEN, reason);
    }

    public static HttpError unauthorized(String reason) {
        return new HttpError(HttpResponseStatus.UNAUTHORIZED, reason);
    }
}
