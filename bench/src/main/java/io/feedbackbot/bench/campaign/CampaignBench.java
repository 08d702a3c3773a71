package io.feedbackbot.bench.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedbackbot.config.FeedbackbotSettings;
import io.feedbackbot.config.SettingsLoader;
import io.feedbackbot.server.app.Application;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Measures a campaign end to end on one node with its embedded Redis: the audience import through the streaming
 * upload (rows per second) and the dispatch of a web chat campaign without pacing (invitations per second, each a
 * full engine.invite into the recipient's mailbox). Run:
 * {@code java -cp bench/target/classes:$(cat cp.txt) io.feedbackbot.bench.campaign.CampaignBench 1000000 100000}
 * (rows to import, recipients to dispatch). Prints what it measured; asserts nothing.
 */
public final class CampaignBench {

    private static final String TOKEN = "bench-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private CampaignBench() {
    }

    public static void main(String[] args) throws Exception {
        int importRows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int dispatchRows = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        String fsync = args.length > 2 ? args[2] : "everysec";
        Path dir = Files.createTempDirectory("feedbackbot-campaign-bench");
        Path config = dir.resolve("feedbackbot.yaml");
        Files.writeString(config, "http:\n  port: 0\n  maxBodyBytes: 65536\ndataDir: " + dir + "\n"
                + "redis:\n  embeddedFsync: " + fsync + "\n" + "engine:\n  lanes: " + Integer.getInteger("bench.lanes", 32) + "\n"
                + "surveys:\n  dir: " + Path.of("config/surveys").toAbsolutePath() + "\n"
                + "api:\n  adminToken: " + TOKEN + "\n"
                + "channels:\n  webchat:\n    accounts:\n      - id: demo\n        defaultSurvey: post-delivery-nps\n");
        FeedbackbotSettings settings = new SettingsLoader(Map.of()).load(config);
        try (Application app = Application.start(settings, Map.of(), Clock.systemUTC())) {
            String base = "http://127.0.0.1:" + app.port();
            System.out.printf("cores: %d, heap: %d MB, redis fsync: %s%n", Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20, fsync);
            if (importRows > 0) {
                String id = create(base, "import-only");
                byte[] csv = csv(importRows, "imp");
                long start = System.nanoTime();
                JsonNode report = upload(base, id, csv);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("import: %d rows (%d MB) in %.1f s = %.0f rows/s; imported %d, rejected %d%n",
                        importRows, csv.length >> 20, seconds, importRows / seconds, report.path("imported").asLong(),
                        report.path("rejected").asLong());
                System.out.println("redis " + redisMemory(dir));
            }
            if (dispatchRows > 0) {
                String id = create(base, "dispatch");
                upload(base, id, csv(dispatchRows, "dsp"));
                long start = System.nanoTime();
                post(base + "/api/v1/campaigns/" + id + "/schedule");
                JsonNode view;
                do {
                    Thread.sleep(200);
                    view = get(base + "/api/v1/campaigns/" + id);
                } while (!view.path("status").asText().equals("completed"));
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("dispatch: %d invitations in %.1f s = %.0f per second (sent %d)%n", dispatchRows,
                        seconds, dispatchRows / seconds, view.path("progress").path("sent").asLong());
                if (Boolean.getBoolean("bench.commandstats")) {
                    System.out.println(commandStats(dir));
                }
            }
        }
    }

    private static String redisMemory(Path dir) throws IOException {
        int port = Integer.parseInt(Files.readString(dir.resolve("redis/redis.port")).trim());
        try (var redis = new redis.clients.jedis.Jedis("127.0.0.1", port)) {
            return redis.info("memory").lines().filter(l -> l.startsWith("used_memory_human")
                    || l.startsWith("used_memory_dataset:")).reduce((a, b) -> a + ", " + b).orElse("");
        }
    }

    private static String commandStats(Path dir) throws IOException {
        int port = Integer.parseInt(Files.readString(dir.resolve("redis/redis.port")).trim());
        try (var redis = new redis.clients.jedis.Jedis("127.0.0.1", port)) {
            return redis.info("commandstats");
        }
    }

    private static byte[] csv(int rows, String prefix) {
        StringBuilder out = new StringBuilder(rows * 48).append("id,customer,store,segment\n");
        for (int i = 0; i < rows; i++) {
            out.append(prefix).append(i).append(',').append(prefix).append("-cust-").append(i).append(",SH-")
                    .append(i % 3500).append(i % 2 == 0 ? ",vip\n" : ",new\n");
        }
        return out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String create(String base, String name) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/campaigns"))
                .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"" + name + "\",\"survey\":\"post-delivery-nps\",\"channel\":\"webchat\","
                                + "\"account\":\"demo\",\"window\":{\"days\":\"everyday\",\"from\":\"00:00\","
                                + "\"to\":\"24:00\"},\"pacing\":\"off\",\"fatigue\":\"off\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body()).path("id").asText();
    }

    private static JsonNode upload(String base, String id, byte[] csv) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/campaigns/" + id
                + "/audience")).header("Authorization", "Bearer " + TOKEN).header("Content-Type", "text/csv")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(csv)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("upload answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private static void post(String url) throws IOException, InterruptedException {
        HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode get(String url) throws IOException, InterruptedException {
        return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + TOKEN)
                .build(), HttpResponse.BodyHandlers.ofString()).body());
    }
}
