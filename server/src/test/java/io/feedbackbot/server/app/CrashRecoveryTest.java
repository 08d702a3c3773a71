package io.feedbackbot.server.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackbot.server.testing.TestServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * Kills the server process with SIGKILL between messages (and its embedded Redis with it, as a power cut would),
 * restarts it on the same data directory, and checks that the conversation resumes where it was and that no
 * acknowledged answer is lost.
 */
class CrashRecoveryTest {

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private int port;

    @AfterEach
    void stopAll() throws Exception {
        for (Process p : processes) {
            p.destroy();
            p.waitFor();
        }
        Path pid = dir.resolve("data/redis/redis.pid");
        if (Files.exists(pid)) {
            ProcessHandle.of(Long.parseLong(Files.readString(pid).trim())).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private Process startServer() throws Exception {
        Path config = dir.resolve("feedbackbot.yaml");
        Files.writeString(config, "http:\n  port: " + port + "\n"
                + "dataDir: " + dir.resolve("data") + "\n"
                + "surveys:\n  dir: " + Path.of("../config/surveys").toAbsolutePath().normalize() + "\n"
                + "api:\n  adminToken: " + TestServer.TOKEN + "\n"
                + "channels:\n  webchat:\n    accounts:\n      - id: demo\n        defaultSurvey: post-delivery-nps\n");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.feedbackbot.server.cli.Main", "serve",
                "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("server-" + processes.size() + ".log").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("FEEDBACKBOT_"));
        Process process = builder.start();
        processes.add(process);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("server exited: " + Files.readString(dir.resolve("server-" + (processes.size() - 1) + ".log")));
            }
            try {
                if (get("/readyz").statusCode() == 200) {
                    return process;
                }
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("server did not become ready");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TestServer.TOKEN).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String chat(String messageId, String text) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/webhooks/webchat/demo"))
                .POST(HttpRequest.BodyPublishers.ofString(TestServer.json(Map.of("from", "crash-1",
                        "messageId", messageId, "text", text)))).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return TestServer.reply(TestServer.parse(response.body()));
    }

    private void killServerAndItsRedis(Process server) throws Exception {
        long redisPid = Long.parseLong(Files.readString(dir.resolve("data/redis/redis.pid")).trim());
        server.destroyForcibly().waitFor();
        ProcessHandle.of(redisPid).ifPresent(redis -> {
            redis.destroyForcibly();
            redis.onExit().join();
        });
    }

    @Test
    void aKilledServerResumesTheConversationAndLosesNoAcknowledgedAnswer() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process first = startServer();
        assertTrue(chat("m-1", "hello").contains("recommend us"));
        assertTrue(chat("m-2", "3").contains("What went wrong?"));

        killServerAndItsRedis(first);
        startServer();

        assertEquals("We're sorry we let you down. What went wrong?", chat("m-2", "3"),
                "the retry of an acknowledged message gets the same reply after the restart");
        assertTrue(chat("m-3", "the packaging").startsWith("Thank you for your feedback"),
                "the conversation resumes at the question it was on");
        JsonNode answers = TestServer.parse(get("/api/v1/responses?survey=post-delivery-nps").body()).path("responses");
        assertEquals(2, answers.size());
        assertEquals(3, answers.get(0).path("score").asInt());
        assertEquals("the packaging", answers.get(1).path("value").asText());
    }
}
