package io.feedbackbot.server.campaign.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * The campaign API as the CLI uses it: the running server's URL and a bearer token (from {@code --token}, else
 * {@code FEEDBACKBOT_ADMIN_TOKEN}, else the data directory's {@code admin-token} file). Errors come back as
 * {@link CliException} with the server's one-line reason.
 */
final class CampaignApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    CampaignApiClient(String url, String token) {
        this.base = url.replaceAll("/+$", "");
        this.token = token;
    }

    /** The token to use: the option, the environment, or the file the server wrote on first start. */
    static String token(String option, Map<String, String> env, Path dataDir) {
        if (option != null && !option.isBlank()) {
            return option.trim();
        }
        String fromEnv = env.get("FEEDBACKBOT_ADMIN_TOKEN");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.trim();
        }
        Path file = dataDir.resolve("admin-token");
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new CliException("no API token: pass --token, set FEEDBACKBOT_ADMIN_TOKEN, or run where " + file
                    + " exists");
        }
    }

    JsonNode get(String path) {
        return json(send(request(path).GET()));
    }

    JsonNode post(String path, Object body) {
        try {
            return json(send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))));
        } catch (IOException e) {
            throw new CliException(e.getMessage());
        }
    }

    /** Streams {@code file} as the body of a PUT, telling {@code sent} how many bytes went out. */
    JsonNode put(String path, Path file, LongConsumer sent) {
        try {
            long size = Files.size(file);
            HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(
                    HttpRequest.BodyPublishers.ofInputStream(() -> counting(file, sent)), size);
            return json(send(request(path).header("Content-Type", "text/csv").PUT(body)));
        } catch (IOException e) {
            throw new CliException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Follows the server-sent events of {@code path}, handing each event's data to {@code events}. */
    void events(String path, Consumer<JsonNode> events) {
        HttpResponse<Stream<String>> response;
        try {
            response = http.send(request(path).header("Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
        if (response.statusCode() != 200) {
            throw new CliException("the server answered " + response.statusCode());
        }
        try (Stream<String> lines = response.body()) {
            lines.filter(l -> l.startsWith("data: ")).forEach(l -> events.accept(parse(l.substring(6))));
        } catch (StopWatching stop) {
            // the caller saw what it waited for
        }
    }

    /** Thrown by an event consumer to stop following. */
    static final class StopWatching extends RuntimeException {
        StopWatching() {
            super(null, null, false, false);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
    }

    private CliException unreachable(IOException e) {
        if (e instanceof ConnectException) {
            return new CliException("cannot reach " + base + " - start the server with ./feedbackbot serve");
        }
        return new CliException(base + ": " + e.getMessage());
    }

    private static JsonNode json(HttpResponse<String> response) {
        JsonNode body = parse(response.body());
        if (response.statusCode() >= 400) {
            throw new CliException(body.path("error").asText("the server answered " + response.statusCode()),
                    body.path("audience").isMissingNode() ? null : body.path("audience"));
        }
        return body;
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new CliException("the server's answer is not JSON: " + text);
        }
    }

    private static InputStream counting(Path file, LongConsumer sent) {
        try {
            InputStream in = Files.newInputStream(file);
            return new java.io.FilterInputStream(in) {
                private long total;

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    if (n > 0) {
                        total += n;
                        sent.accept(total);
                    }
                    return n;
                }
            };
        } catch (IOException e) {
            throw new CliException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
