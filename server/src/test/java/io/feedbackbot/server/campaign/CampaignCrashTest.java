package io.feedbackbot.server.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackbot.redis.embedded.EmbeddedRedis;
import io.feedbackbot.server.campaign.testing.StubProvider;
import io.feedbackbot.server.testing.TestServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash test: two server processes ({@code feedbackbot serve}) on one Redis send a 20,000-recipient
 * SMS campaign through a fake Twilio-compatible provider in this JVM; one of them is killed with SIGKILL mid-run and
 * started again. The provider must have
 * received each recipient exactly once, and the campaign must complete.
 */
class CampaignCrashTest {

    private static final int RECIPIENTS = 20_000;

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private EmbeddedRedis redis;
    private StubProvider stub;

    @AfterEach
    void stopAll() throws Exception {
        for (Process p : processes) {
            p.destroyForcibly().waitFor();
        }
        if (stub != null) {
            stub.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void twoNodesSendEachOfTwentyThousandRecipientsExactlyOnceThoughOneIsKilledMidRun() throws Exception {
        redis = EmbeddedRedis.start(dir.resolve("redis"), 0, EmbeddedRedis.Persistence.NONE);
        stub = new StubProvider();
        Path config = dir.resolve("feedbackbot.yaml");
        Files.writeString(config, "http:\n  port: 0\n"
                + "redis:\n  keyPrefix: \"crash:\"\n"
                + "surveys:\n  dir: " + Path.of("../config/surveys").toAbsolutePath().normalize() + "\n"
                + "api:\n  adminToken: " + TestServer.TOKEN + "\n"
                + "engine:\n  deliveryLanes: 32\n"
                + "campaigns:\n  lease: 5s\n"
                + "channels:\n  webchat:\n    accounts:\n      - id: demo\n        defaultSurvey: post-delivery-nps\n"
                + stub.channelsYaml("2s"));
        int portA = freePort();
        int portB = freePort();
        Process nodeA = launch("a", portA, config);
        Process nodeB = launch("b", portB, config);
        awaitReady("a", nodeA, portA);
        awaitReady("b", nodeB, portB);

        long started = System.nanoTime();
        String id = create(portA);
        HttpResponse<String> imported = send(portA, HttpRequest.newBuilder(uri(portA, "/api/v1/campaigns/" + id
                + "/audience")).PUT(HttpRequest.BodyPublishers.ofByteArray(audience())));
        assertEquals(200, imported.statusCode(), imported.body());
        assertEquals(RECIPIENTS, TestServer.parse(imported.body()).path("imported").asInt());
        assertEquals(200, send(portA, HttpRequest.newBuilder(uri(portA, "/api/v1/campaigns/" + id + "/schedule"))
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode());

        long scheduled = System.nanoTime();
        awaitProvider(RECIPIENTS / 4, Duration.ofSeconds(90));
        String beforeKill = progress(portB, id);
        nodeA.destroyForcibly().waitFor();
        int atKill = stub.provider.createdCount();
        long killed = System.nanoTime();
        awaitReady("a-restarted", launch("a-restarted", portA, config), portA);

        JsonNode done = awaitCompleted(portB, id, Duration.ofSeconds(150));
        long completed = System.nanoTime();
        System.out.printf("crash test: import %.1f s, %d sent %.1f s after scheduling, then SIGKILL; completed %.1f s "
                + "later; sends settled after the kill: %s; progress just before the kill: %s%n",
                (scheduled - started) / 1e9, atKill, (killed - scheduled) / 1e9, (completed - killed) / 1e9, settled(),
                beforeKill);
        String keep = System.getProperty("crashTest.keepLogs");
        if (keep != null) {
            try (var files = Files.list(dir)) {
                for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".log")).toList()) {
                    Files.copy(f, Path.of(keep).resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }

        Map<String, Long> perNumber = stub.perNumber();
        List<String> twice = perNumber.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        assertEquals(List.of(), twice, "numbers that got more than one invitation");
        assertEquals(RECIPIENTS, perNumber.size(), "every recipient got the invitation");
        assertEquals(RECIPIENTS, stub.provider.createdCount());
        assertTrue(atKill < RECIPIENTS, "the kill landed mid-run (" + atKill + " sent before it)");
        JsonNode progress = done.path("progress");
        assertEquals("completed", done.path("status").asText());
        assertEquals(RECIPIENTS, progress.path("sent").asInt(), progress.toString());
        assertEquals(0, progress.path("unknown").asInt());
        assertEquals(0, progress.path("failed").path("total").asInt());
        assertEquals(0, progress.path("pending").asInt());
    }

    private String progress(int port, String id) throws Exception {
        return TestServer.parse(send(port, HttpRequest.newBuilder(uri(port, "/api/v1/campaigns/" + id))).body())
                .path("progress").toString();
    }

    /** What the surviving and restarted nodes logged about sends the killed node left pending. */
    private String settled() throws IOException {
        long found = 0;
        long resent = 0;
        try (var files = Files.list(dir)) {
            for (Path log : files.filter(f -> f.getFileName().toString().startsWith("node-b")
                    || f.getFileName().toString().startsWith("node-a-restarted")).toList()) {
                for (String line : Files.readAllLines(log)) {
                    found += line.contains("was cut off, but the provider has it") ? 1 : 0;
                    resent += line.contains("was cut off before the provider took it") ? 1 : 0;
                }
            }
        }
        return found + " found at the provider, " + resent + " sent after the provider had none";
    }

    private String create(int port) throws Exception {
        HttpResponse<String> r = send(port, HttpRequest.newBuilder(uri(port, "/api/v1/campaigns"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"crash\",\"survey\":\"post-delivery-nps\","
                        + "\"channel\":\"sms\",\"account\":\"cn\"," + WebchatCampaignTest.EVERY_HOUR
                        + ",\"pacing\":\"off\",\"fatigue\":\"off\",\"language\":\"en\"}")));
        assertEquals(201, r.statusCode(), r.body());
        return TestServer.parse(r.body()).path("id").asText();
    }

    private static byte[] audience() {
        StringBuilder csv = new StringBuilder("id,phone,store\n");
        for (int i = 0; i < RECIPIENTS; i++) {
            csv.append("r").append(i).append(",138").append(String.format("%08d", i)).append(",SH-")
                    .append(i % 50).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private Process launch(String name, int port, Path config) throws Exception {
        Path log = dir.resolve("node-" + name + ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dlogback.configurationFile=" + Path.of("target/classes/logback.xml").toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"), "io.feedbackbot.server.cli.Main", "serve",
                "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("FEEDBACKBOT_"));
        builder.environment().put("FEEDBACKBOT_REDIS_URL", redis.url());
        builder.environment().put("FEEDBACKBOT_HTTP_PORT", Integer.toString(port));
        builder.environment().put("FEEDBACKBOT_DATA_DIR", dir.resolve("data-" + name).toString());
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private void awaitReady(String name, Process process, int port) throws Exception {
        Path log = dir.resolve("node-" + name + ".log");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("node " + name + " exited: " + Files.readString(log));
            }
            try {
                if (send(port, HttpRequest.newBuilder(uri(port, "/readyz"))).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("node " + name + " did not become ready");
    }

    private void awaitProvider(int messages, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (stub.provider.createdCount() < messages) {
            assertTrue(System.nanoTime() < deadline, "only " + stub.provider.createdCount() + " sent");
            Thread.sleep(50);
        }
    }

    private JsonNode awaitCompleted(int port, String id, Duration max) throws Exception {
        long deadline = System.nanoTime() + max.toNanos();
        JsonNode view;
        do {
            Thread.sleep(250);
            view = TestServer.parse(send(port, HttpRequest.newBuilder(uri(port, "/api/v1/campaigns/" + id))).body());
            assertTrue(System.nanoTime() < deadline, "not completed: " + view.path("progress"));
        } while (!view.path("status").asText().equals("completed"));
        return view;
    }

    private HttpResponse<String> send(int port, HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.header("Authorization", CampaignClient.AUTH).timeout(Duration.ofSeconds(120)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
