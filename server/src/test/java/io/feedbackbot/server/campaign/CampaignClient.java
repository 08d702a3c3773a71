package io.feedbackbot.server.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackbot.server.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Predicate;

/** Drives the campaign API of a test server as a marketer's script would. */
final class CampaignClient {

    static final String AUTH = "Bearer " + TestServer.TOKEN;

    private final TestServer server;

    CampaignClient(TestServer server) {
        this.server = server;
    }

    JsonNode create(String json) {
        HttpResponse<String> r = server.post("/api/v1/campaigns", json, "Authorization", AUTH);
        if (r.statusCode() != 201) {
            throw new AssertionError("create answered " + r.statusCode() + ": " + r.body());
        }
        return TestServer.parse(r.body());
    }

    HttpResponse<String> upload(String id, String csv) {
        return upload(id, csv.getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> upload(String id, byte[] csv) {
        return server.put("/api/v1/campaigns/" + id + "/audience", csv, "Authorization", AUTH,
                "Content-Type", "text/csv");
    }

    HttpResponse<String> command(String id, String command) {
        return server.post("/api/v1/campaigns/" + id + "/" + command, "", "Authorization", AUTH);
    }

    JsonNode view(String id) {
        HttpResponse<String> r = server.get("/api/v1/campaigns/" + id, "Authorization", AUTH);
        if (r.statusCode() != 200) {
            throw new AssertionError("view answered " + r.statusCode() + ": " + r.body());
        }
        return TestServer.parse(r.body());
    }

    /** Reads the campaign until {@code done} holds (or fails after {@code max}; a bound, not a timing assertion). */
    JsonNode awaitView(String id, Duration max, Predicate<JsonNode> done) {
        long deadline = System.nanoTime() + max.toNanos();
        JsonNode view = view(id);
        while (!done.test(view)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("campaign " + id + " did not get there: " + view.toPrettyString());
            }
            sleep(50);
            view = view(id);
        }
        return view;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
