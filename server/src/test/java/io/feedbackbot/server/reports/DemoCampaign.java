package io.feedbackbot.server.reports;

import static io.feedbackbot.server.testing.TestServer.TOKEN;
import static io.feedbackbot.server.testing.TestServer.json;
import static io.feedbackbot.server.testing.TestServer.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackbot.server.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small demo campaign driven through the real server as a marketer and customers would: an NPS campaign created,
 * given an audience CSV (store, touchpoint, city, brand) and run by the campaign module, web chat customers
 * answering in Chinese or English with varied scores, some not answering, some stopping before the last question,
 * some retrying a message; plus transactional CSAT + CES invitations. Records only what it sent; the expected
 * numbers are recomputed from the stored answers.
 */
final class DemoCampaign {

    static final int[] NPS_SCORES = {10, 9, 3, 7, 8, 0, 10, 6, 9, 5, 10, 2, 8};
    static final String[] COMPLAINTS = {"送餐太慢了", "送餐太慢，饭都凉了", "The food was cold", "cold food again, 送餐太慢"};
    private static final String AUTH = "Bearer " + TOKEN;

    /**
     * Invitations that started, by survey, then by invitation id (the recipient id for the campaign), with the
     * store they were for.
     */
    final Map<String, Map<String, String>> delivered = new LinkedHashMap<>();
    /** Invitations (or campaign recipients) whose customer answered every question. */
    final List<String> completed = new ArrayList<>();

    private final TestServer server;

    DemoCampaign(TestServer server) {
        this.server = server;
    }

    static String store(int i) {
        return "SH-00" + (i % 4 + 1);
    }

    /**
     * An NPS campaign to {@code customers} recipients, run to completion by the campaign module; then every 8th
     * recipient never answers and every 6th skips the last question.
     */
    DemoCampaign npsSurvey(String prefix, int customers) {
        StringBuilder audience = new StringBuilder("id,customer,language,store,touchpoint,city,brand\n");
        for (int i = 0; i < customers; i++) {
            boolean chinese = i % 2 == 0;
            audience.append(String.join(",", "r-" + i, prefix + i, chinese ? "zh-CN" : "en", store(i),
                    i % 3 == 0 ? "pickup" : "delivery", chinese ? "上海" : "杭州", i % 5 == 0 ? "B" : "A")).append('\n');
            delivered.computeIfAbsent("post-delivery-nps", k -> new LinkedHashMap<>()).put("r-" + i, store(i));
        }
        runCampaign(audience.toString(), customers);
        for (int i = 0; i < customers; i++) {
            String customer = prefix + i;
            boolean chinese = i % 2 == 0;
            String invitation = "r-" + i;
            if (i % 8 == 7) {
                continue;
            }
            int score = NPS_SCORES[i % NPS_SCORES.length];
            server.chat(customer, "m-1", chinese ? score + "分" : Integer.toString(score));
            if (i % 10 == 0) {
                server.chat(customer, "m-1", chinese ? score + "分" : Integer.toString(score));
            }
            if (i % 6 == 1) {
                continue;
            }
            server.chat(customer, "m-2", score <= 6 ? COMPLAINTS[i % COMPLAINTS.length] : chinese ? "还不错" : "all good");
            completed.add(invitation);
        }
        return this;
    }

    /** {@code customers} invited to the CSAT + CES survey, all answering every question. */
    DemoCampaign serviceSurvey(String prefix, int customers) {
        int[] csat = {5, 4, 2, 5, 3, 1, 4, 5};
        int[] ces = {7, 6, 2, 5, 4, 1, 6, 7, 3};
        for (int i = 0; i < customers; i++) {
            String customer = prefix + i;
            String invitation = invite("post-service-csat", customer, "en", Map.of("store", store(i), "touchpoint", "service"));
            server.chat(customer, "m-1", Integer.toString(csat[i % csat.length]));
            server.chat(customer, "m-2", Integer.toString(ces[i % ces.length]));
            server.chat(customer, "m-3", "no");
            completed.add(invitation);
        }
        return this;
    }

    /** Creates, fills and schedules the NPS campaign, and waits until it has sent to every recipient. */
    private void runCampaign(String audience, int recipients) {
        HttpResponse<String> created = server.post("/api/v1/campaigns", json(Map.of("name", "Demo delivery NPS",
                "survey", "post-delivery-nps", "channel", "webchat", "account", "demo", "fatigue", "off",
                "window", Map.of("days", "everyday", "from", "00:00", "to", "24:00"))), "Authorization", AUTH);
        if (created.statusCode() != 201) {
            throw new AssertionError("campaign not created: " + created.body());
        }
        String id = parse(created.body()).path("id").asText();
        HttpResponse<String> imported = server.put("/api/v1/campaigns/" + id + "/audience",
                audience.getBytes(StandardCharsets.UTF_8), "Authorization", AUTH, "Content-Type", "text/csv");
        if (imported.statusCode() != 200 || parse(imported.body()).path("imported").asInt() != recipients) {
            throw new AssertionError("audience not imported: " + imported.body());
        }
        HttpResponse<String> scheduled = server.post("/api/v1/campaigns/" + id + "/schedule", "", "Authorization", AUTH);
        if (scheduled.statusCode() != 200) {
            throw new AssertionError("campaign not scheduled: " + scheduled.body());
        }
        JsonNode view = null;
        for (int i = 0; i < 600; i++) {
            view = parse(server.get("/api/v1/campaigns/" + id, "Authorization", AUTH).body());
            if (view.path("status").asText().equals("completed")) {
                break;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        if (!view.path("status").asText().equals("completed") || view.path("progress").path("sent").asInt() != recipients) {
            throw new AssertionError("the campaign did not send to every recipient within 30 s: " + view);
        }
    }

    private String invite(String survey, String customer, String language, Map<String, String> context) {
        HttpResponse<String> response = server.post("/api/v1/surveys/" + survey + "/invitations", json(Map.of(
                "channel", "webchat", "account", "demo", "to", customer, "language", language, "context", context)),
                "Authorization", "Bearer " + TOKEN);
        JsonNode body = parse(response.body());
        if (response.statusCode() != 202 || !body.path("status").asText().equals("started")) {
            throw new AssertionError("invitation of " + customer + " was not started: " + response.body());
        }
        delivered.computeIfAbsent(survey, k -> new LinkedHashMap<>()).put(body.path("invitationId").asText(),
                context.get("store"));
        return body.path("invitationId").asText();
    }
}
