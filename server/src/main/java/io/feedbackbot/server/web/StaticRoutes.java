package io.feedbackbot.server.web;

import io.feedbackbot.server.http.HttpError;
import io.feedbackbot.server.http.Reply;
import io.feedbackbot.server.http.Request;
import io.feedbackbot.server.http.Responses;
import io.feedbackbot.server.http.Router;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pages and assets from the classpath ({@code io/feedbackbot/server/web/}): the web chat at {@code /} and files
 * under {@code /static/}. Files are read once and kept; paths that try to leave the folder are refused.
 */
public final class StaticRoutes {

    private static final String ROOT = "/io/feedbackbot/server/web/";
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "svg", "image/svg+xml",
            "png", "image/png", "ico", "image/x-icon", "json", "application/json; charset=utf-8");

    private final Map<String, Reply.Full> cache = new ConcurrentHashMap<>();

    public void register(Router router) {
        router.add(HttpMethod.GET, "/", r -> serve("chat.html"))
                .add(HttpMethod.GET, "/static/**", r -> serve(r.pathParam("rest")));
    }

    /** Serves one file of the web folder. */
    public CompletableFuture<Reply> serve(String name) {
        if (name.isEmpty() || name.contains("..") || name.startsWith("/") || name.contains("\\")) {
            throw HttpError.notFound("no such file");
        }
        return Responses.done(cache.computeIfAbsent(name, StaticRoutes::load));
    }

    private static Reply.Full load(String name) {
        try (InputStream in = StaticRoutes.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw HttpError.notFound("no such file: " + name);
            }
            String extension = name.substring(name.lastIndexOf('.') + 1);
            return new Reply.Full(HttpResponseStatus.OK, TYPES.getOrDefault(extension, "application/octet-stream"),
                    in.readAllBytes(), Map.of("Cache-Control", "no-cache",
                    "Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                    + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
                    "Referrer-Policy", "same-origin"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name, e);
        }
    }
}
