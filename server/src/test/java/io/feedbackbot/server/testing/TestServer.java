package io.feedbackbot.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedbackbot.config.FeedbackbotSettings;
import io.feedbackbot.config.SettingsLoader;
import io.feedbackbot.core.outbound.DeliveryEvents;
import io.feedbackbot.redis.RedisConnections;
import io.feedbackbot.redis.testing.TestRedis;
import io.feedbackbot.server.app.Application;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * A real server for end-to-end tests: the whole application on a free port, against the test Redis (embedded
 * or {@code FEEDBACKBOT_REDIS_URL}) under a key prefix of its own, with the shipped demo surveys. Talks HTTP to it
 * as providers and scripts do.
 */
public final class TestServer implements AutoCloseable {

    public static final String TOKEN = "test-admin-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Application app;
    private final HttpClient http = HttpClient.newHttpClient();
    private final FeedbackbotSettings settings;
    private final Clock clock;
    private final DeliveryEvents deliveries;
    public final String prefix;
    public final Path dir;

    private TestServer(Application app, FeedbackbotSettings settings, Clock clock, DeliveryEvents deliveries,
                       String prefix, Path dir) {
        this.app = app;
        this.settings = settings;
        this.clock = clock;
        this.deliveries = deliveries;
        this.prefix = prefix;
        this.dir = dir;
    }

    /** Starts with the default test configuration plus {@code extraYaml} (top-level keys it adds). */
    public static TestServer start(String extraYaml, Clock clock) {
        return start(extraYaml, "", clock);
    }

    /**
     * Starts with the default test configuration plus {@code channelsYaml} (more channels under {@code channels:},
     * indented two spaces: {@code "  sms:\n    accounts: ..."}) and {@code extraYaml} (top-level keys).
     */
    public static TestServer start(String extraYaml, String channelsYaml, Clock clock) {
        return start(extraYaml, channelsYaml, SHIPPED_SURVEYS, clock, DeliveryEvents.NONE);
    }

    /**
     * As {@link #start(String, String, Clock)}, with the surveys of {@code surveysDir} and a listener for the
     * providers' delivery reports.
     */
    public static TestServer start(String extraYaml, String channelsYaml, Path surveysDir, Clock clock,
                                   DeliveryEvents deliveries) {
        try {
            Path dir = Files.createTempDirectory("feedbackbot-server-test");
            String prefix = TestRedis.freshPrefix();
            Path config = dir.resolve("feedbackbot.yaml");
            Files.writeString(config, baseYaml(dir, prefix, surveysDir) + channelsYaml + extraYaml);
            FeedbackbotSettings settings = new SettingsLoader(Map.of()).load(config);
            return new TestServer(Application.start(settings, Map.of(), clock, deliveries), settings, clock,
                    deliveries, prefix, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A second node of the same deployment (same configuration and Redis keys, its own port), or a restart. */
    public TestServer anotherNode() {
        return new TestServer(Application.start(settings, Map.of(), clock, deliveries), settings, clock, deliveries,
                prefix, dir);
    }

    public static TestServer start() {
        return start("", Clock.systemUTC());
    }

    /** The demo surveys shipped in {@code config/surveys}. */
    public static final Path SHIPPED_SURVEYS = Path.of("../config/surveys").toAbsolutePath().normalize();

    /** The configuration every test server starts from. */
    public static String baseYaml(Path dataDir, String prefix) {
        return baseYaml(dataDir, prefix, SHIPPED_SURVEYS);
    }

    /** The configuration every test server starts from, with the surveys of {@code surveysDir}. */
    public static String baseYaml(Path dataDir, String prefix, Path surveysDir) {
        return "http:\n  port: 0\n"
                + "dataDir: " + dataDir + "\n"
                + "redis:\n  url: " + TestRedis.url() + "\n  keyPrefix: \"" + prefix + "\"\n"
                + "surveys:\n  dir: " + surveysDir + "\n"
                + "api:\n  adminToken: " + TOKEN + "\n"
                + "channels:\n  webchat:\n    accounts:\n      - id: demo\n        defaultSurvey: post-delivery-nps\n";
    }

    public String url(String path) {
        return "http://127.0.0.1:" + app.port() + path;
    }

    public Application app() {
        return app;
    }

    public HttpResponse<String> post(String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    /** Posts a form body (as SMS providers do) with the given headers. */
    public HttpResponse<String> postForm(String path, String form, String... headers) {
        return post(path, form, concat(headers, "Content-Type", "application/x-www-form-urlencoded"));
    }

    private static String[] concat(String[] headers, String... more) {
        String[] all = java.util.Arrays.copyOf(headers, headers.length + more.length);
        System.arraycopy(more, 0, all, headers.length, more.length);
        return all;
    }

    /** Puts a body (a CSV file, say) with the given headers. */
    public HttpResponse<String> put(String path, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    /** Posts a web chat message and returns the parsed response. */
    public JsonNode chat(String customer, String messageId, String text) {
        HttpResponse<String> response = post("/webhooks/webchat/demo", json(Map.of("from", customer,
                "messageId", messageId, "text", text)));
        if (response.statusCode() != 200) {
            throw new AssertionError("web chat answered " + response.statusCode() + ": " + response.body());
        }
        return parse(response.body());
    }

    /** The first reply's text of a web chat response. */
    public static String reply(JsonNode response) {
        return response.path("replies").path(0).path("text").asText();
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many keys this server wrote (everything under its prefix, on every node of a cluster). */
    public long keyCount() {
        try (var redis = RedisConnections.open(TestRedis.url(), 2)) {
            if (redis instanceof redis.clients.jedis.JedisCluster cluster) {
                long count = 0;
                for (var pool : cluster.getClusterNodes().values()) {
                    try (var connection = pool.getResource()) {
                        count += new redis.clients.jedis.Jedis(connection).keys(prefix + "*").size();
                    }
                }
                return count;
            }
            return redis.keys(prefix + "*").size();
        }
    }

    @Override
    public void close() {
        app.close();
    }
}
