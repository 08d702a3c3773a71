package io.feedbackbot.server.http;

import io.netty.handler.codec.http.HttpMethod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The route table: {@code GET /webhooks/webchat/{account}/messages} and so on. A path segment in braces matches
 * any one segment and is handed to the route by name; a final {@code **} matches the rest of the path (handed
 * over as {@code rest}). Knows when a path exists under another method (405).
 */
public final class Router {

    private final List<Entry> entries = new ArrayList<>();

    public Router add(HttpMethod method, String pattern, Route route) {
        entries.add(new Entry(method, pattern.split("/"), route));
        return this;
    }

    /** The matching route with the path parameters, or empty. */
    public Optional<Match> match(HttpMethod method, String path) {
        String[] parts = path.split("/");
        for (Entry e : entries) {
            if (e.method.equals(method)) {
                Map<String, String> params = e.match(parts);
                if (params != null) {
                    return Optional.of(new Match(e.route, params));
                }
            }
        }
        return Optional.empty();
    }

    /** Whether some route serves this path under another method. */
    public boolean pathExists(String path) {
        String[] parts = path.split("/");
        return entries.stream().anyMatch(e -> e.match(parts) != null);
    }

    /** A chosen route and the values of its path parameters. */
    public record Match(Route route, Map<String, String> params) {
    }

    private record Entry(HttpMethod method, String[] pattern, Route route) {
        Map<String, String> match(String[] parts) {
            boolean rest = pattern.length > 0 && pattern[pattern.length - 1].equals("**");
            int fixed = rest ? pattern.length - 1 : pattern.length;
            if (rest ? parts.length < fixed : parts.length != fixed) {
                return null;
            }
            Map<String, String> params = new HashMap<>();
            if (rest) {
                params.put("rest", String.join("/", java.util.Arrays.copyOfRange(parts, fixed, parts.length)));
            }
            for (int i = 0; i < fixed; i++) {
                String p = pattern[i];
                if (p.startsWith("{") && p.endsWith("}")) {
                    if (parts[i].isEmpty()) {
                        return null;
                    }
                    params.put(p.substring(1, p.length() - 1), parts[i]);
                } else if (!p.equals(parts[i])) {
                    return null;
                }
            }
            return params;
        }
    }
}
