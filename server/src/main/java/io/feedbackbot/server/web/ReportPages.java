package io.feedbackbot.server.web;

import io.feedbackbot.server.http.HttpError;
import io.feedbackbot.server.http.Reply;
import io.feedbackbot.server.http.Responses;
import io.feedbackbot.server.http.Router;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The results dashboard at {@code /console/reports} (its script and styles are under {@code /static/console/}) and
 * Chart.js from its WebJar on the classpath at {@code /webjars/chart.js/…}, so the console works offline: no
 * CDN. Files are read once and kept; only the chart.js WebJar is served, and no path may leave it.
 */
public final class ReportPages {

    private static final String WEBJAR = "chart.js";
    private static final Map<String, String> TYPES = Map.of("js", "text/javascript; charset=utf-8",
            "map", "application/json; charset=utf-8", "md", "text/plain; charset=utf-8");

    private final StaticRoutes pages = new StaticRoutes();
    private final String root;
    private final Map<String, Reply.Full> cache = new ConcurrentHashMap<>();

    public ReportPages() {
        this.root = "/META-INF/resources/webjars/" + WEBJAR + "/" + version() + "/";
    }

    public void register(Router router) {
        router.add(HttpMethod.GET, "/console/reports", r -> pages.serve("console/reports.html"))
                .add(HttpMethod.GET, "/webjars/" + WEBJAR + "/**", r -> webjar(r.pathParam("rest")));
    }

    private CompletableFuture<Reply> webjar(String path) {
        if (path.isEmpty() || path.contains("..") || path.startsWith("/") || path.contains("\\")) {
            throw HttpError.notFound("no such file");
        }
        return Responses.done(cache.computeIfAbsent(path, this::load));
    }

    private Reply.Full load(String path) {
        try (InputStream in = ReportPages.class.getResourceAsStream(root + path)) {
            if (in == null) {
                throw HttpError.notFound("no such file: " + path);
            }
            String extension = path.substring(path.lastIndexOf('.') + 1);
            return new Reply.Full(HttpResponseStatus.OK, TYPES.getOrDefault(extension, "application/octet-stream"),
                    in.readAllBytes(), Map.of("Cache-Control", "public, max-age=86400", "X-Content-Type-Options", "nosniff"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }

    /** The WebJar's version, from the Maven metadata packed in it (the pom pins it). */
    private static String version() {
        try (InputStream in = ReportPages.class.getResourceAsStream(
                "/META-INF/maven/org.webjars.npm/" + WEBJAR + "/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the " + WEBJAR + " WebJar is missing from the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the " + WEBJAR + " WebJar's version", e);
        }
    }
}
