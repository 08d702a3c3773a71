package io.feedbackbot.server.http;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP request as route handlers see it: copied out of Netty's buffers, so it can be handled on any thread.
 *
 * @param path        the decoded path, without the query
 * @param pathParams  values of the route's {@code {name}} segments
 * @param query       query parameters (every value, in order)
 * @param rawQuery    the query string as received (still encoded), for signature checks
 * @param body        the body bytes (empty when there is none)
 * @param remote      the peer address, for logs
 */
public record Request(HttpMethod method, String path, Map<String, String> pathParams,
                      Map<String, List<String>> query, String rawQuery, HttpHeaders headers, byte[] body,
                      String remote) {

    public Optional<String> queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public String pathParam(String name) {
        return pathParams.get(name);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** A copy with the route's path parameters filled in. */
    public Request withPathParams(Map<String, String> params) {
        return new Request(method, path, Map.copyOf(params), query, rawQuery, headers, body, remote);
    }
}
