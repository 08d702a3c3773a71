package io.feedbackbot.server.reports;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackbot.reports.time.DateRange;
import io.feedbackbot.reports.time.ReportingCalendar;
import io.feedbackbot.server.api.ApiAuth;
import io.feedbackbot.server.http.Reply;
import io.feedbackbot.server.http.Request;
import io.feedbackbot.server.http.Responses;
import io.feedbackbot.server.http.Router;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.StreamEntry;

/**
 * {@code GET /api/v1/reports/tickets?survey=&store=&touchpoint=&from=&to=&limit=}: the work orders opened from a
 * survey's answers in a range, newest first, each with a link to its console page. Reads the engine's
 * work-order requests stream (scanning at most {@link #MAX_SCAN} entries per call).
 */
public final class TicketDrillDown {

    static final int MAX_SCAN = 50_000;
    private static final int PAGE = 1_000;

    private final UnifiedJedis redis;
    private final ReportKeys keys;
    private final ReportParameters parameters;
    private final ReportingCalendar calendar;
    private final Executor blocking;

    TicketDrillDown(UnifiedJedis redis, ReportKeys keys, ReportParameters parameters, ReportingCalendar calendar,
                    Executor blocking) {
        this.redis = redis;
        this.keys = keys;
        this.parameters = parameters;
        this.calendar = calendar;
        this.blocking = blocking;
    }

    public void register(Router router, ApiAuth auth) {
        router.add(HttpMethod.GET, "/api/v1/reports/tickets", auth.require(ApiAuth.RESULTS, this::tickets));
    }

    private CompletableFuture<Reply> tickets(Request r) {
        String survey = parameters.survey(r).id();
        DateRange range = parameters.range(r, "from", "to", true);
        Map<String, String> context = new LinkedHashMap<>();
        for (String key : List.of("store", "touchpoint", "agent")) {
            r.queryParam(key).filter(v -> !v.isBlank()).ifPresent(v -> context.put(key, v));
        }
        int limit = r.queryParam("limit").map(Integer::parseInt).filter(n -> n > 0 && n <= 1000).orElse(50);
        return CompletableFuture.supplyAsync(() -> {
            List<Map<String, Object>> tickets = new ArrayList<>();
            String from = Long.toString(calendar.startOf(range.to().plusDays(1)).toEpochMilli() - 1);
            String start = Long.toString(calendar.startOf(range.from()).toEpochMilli());
            int scanned = 0;
            while (tickets.size() < limit && scanned < MAX_SCAN) {
                List<StreamEntry> page = redis.xrevrange(keys.ticketRequests(), from, start, PAGE);
                for (StreamEntry e : page) {
                    Map<String, Object> t = ticket(e, survey, context);
                    if (t != null && tickets.size() < limit) {
                        tickets.add(t);
                    }
                }
                scanned += page.size();
                if (page.size() < PAGE) {
                    break;
                }
                from = "(" + page.get(page.size() - 1).getID();
            }
            return Responses.json(HttpResponseStatus.OK, Map.of("tickets", tickets, "scanned", scanned));
        }, blocking);
    }

    private static Map<String, Object> ticket(StreamEntry e, String survey, Map<String, String> wanted) {
        JsonNode body;
        try {
            body = Responses.JSON.readTree(e.getFields().getOrDefault("json", "{}"));
        } catch (IOException ex) {
            return null;
        }
        if (!survey.equals(body.path("surveyId").asText())) {
            return null;
        }
        for (Map.Entry<String, String> w : wanted.entrySet()) {
            if (!w.getValue().equals(body.path("context").path(w.getKey()).asText())) {
                return null;
            }
        }
        String id = e.getFields().getOrDefault("id", body.path("ticketId").asText());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ticketId", id);
        out.put("reason", body.path("reason").asText());
        out.put("priority", body.path("priority").asText());
        out.put("invitationId", body.path("invitationId").asText());
        out.put("store", body.path("context").path("store").asText(""));
        out.put("touchpoint", body.path("context").path("touchpoint").asText(""));
        out.put("evidence", body.path("evidence"));
        out.put("at", body.has("at") ? Instant.ofEpochMilli(body.path("at").asLong()).toString() : null);
        out.put("link", "/console/#ticket/" + id);
        return out;
    }
}
