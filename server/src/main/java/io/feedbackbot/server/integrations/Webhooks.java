package io.feedbackbot.server.integrations;

import io.feedbackbot.config.WebhookSettings;
import io.feedbackbot.server.api.ApiAuth;
import io.feedbackbot.server.handoff.auth.Role;
import io.feedbackbot.server.http.Reply;
import io.feedbackbot.server.http.Request;
import io.feedbackbot.server.http.Responses;
import io.feedbackbot.server.http.Router;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.ToDoubleFunction;
import okhttp3.OkHttpClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * The configured webhooks: one dispatcher each over the answer streams of every survey and the work-order
 * events stream, as its {@code events} say; their counts in {@code /metrics}; and
 * {@code GET /api/v1/integrations/webhooks} with each source's pending and dead-lettered events.
 */
public final class Webhooks implements AutoCloseable {

    /** How long another node's pending event sits untouched before it is taken over (its node is gone). */
    public static final Duration CLAIM_IDLE = Duration.ofSeconds(60);
    static final Duration TICK = Duration.ofMillis(200);

    private final List<WebhookDispatcher> dispatchers;
    private final Executor blocking;

    private Webhooks(List<WebhookDispatcher> dispatchers, Executor blocking) {
        this.dispatchers = List.copyOf(dispatchers);
        this.blocking = blocking;
    }

    /**
     * @param answerStreams the answer stream of each survey, by survey id
     * @param ticketEvents  the work-order events stream
     * @param node          this process's consumer name in the groups (unique per running process)
     */
    public static Webhooks start(List<WebhookSettings> settings, UnifiedJedis redis, Map<String, String> answerStreams,
                                 String ticketEvents, OkHttpClient http, String node, MeterRegistry registry,
                                 Executor blocking) {
        List<WebhookDispatcher> dispatchers = new ArrayList<>();
        try {
            for (WebhookSettings webhook : settings) {
                List<StreamGroup> groups = new ArrayList<>();
                if (webhook.events().contains("answer")) {
                    answerStreams.forEach((survey, stream) -> groups.add(new StreamGroup(redis,
                            new EventSource.Answers(survey, stream), webhook.name(), node)));
                }
                if (webhook.events().contains("ticket")) {
                    groups.add(new StreamGroup(redis, new EventSource.Tickets(ticketEvents), webhook.name(), node));
                }
                WebhookDispatcher dispatcher = new WebhookDispatcher(webhook, groups, http, CLAIM_IDLE).start(TICK);
                dispatchers.add(dispatcher);
                count(registry, dispatcher, "delivered", WebhookDispatcher::delivered);
                count(registry, dispatcher, "retried", WebhookDispatcher::retried);
                count(registry, dispatcher, "dead_lettered", WebhookDispatcher::deadLettered);
            }
        } catch (RuntimeException e) {
            dispatchers.forEach(WebhookDispatcher::close);
            throw e;
        }
        return new Webhooks(dispatchers, blocking);
    }

    private static void count(MeterRegistry registry, WebhookDispatcher d, String outcome,
                              ToDoubleFunction<WebhookDispatcher> f) {
        FunctionCounter.builder("feedbackbot.webhook.events", d, f).tag("webhook", d.settings().name())
                .tag("outcome", outcome).description("webhook events by outcome, on this node").register(registry);
    }

    public void register(Router router, ApiAuth auth) {
        router.add(HttpMethod.GET, "/api/v1/integrations/webhooks", auth.require(Set.of(Role.ADMIN), this::status));
    }

    private CompletableFuture<Reply> status(Request request) {
        return CompletableFuture.supplyAsync(() -> {
            List<Map<String, Object>> out = new ArrayList<>();
            for (WebhookDispatcher d : dispatchers) {
                Map<String, Object> w = new LinkedHashMap<>();
                w.put("name", d.settings().name());
                w.put("url", d.settings().url());
                w.put("events", d.settings().events());
                w.put("maxAttempts", d.settings().maxAttempts());
                long pending = 0;
                long dead = 0;
                List<Map<String, Object>> sources = new ArrayList<>();
                for (StreamGroup g : d.groups()) {
                    long p = g.pending();
                    long x = g.deadLettered();
                    pending += p;
                    dead += x;
                    sources.add(Map.of("stream", g.source().stream(), "kind", g.source().kind(), "pending", p,
                            "deadLetters", x, "deadLetterStream", g.deadLetters()));
                }
                w.put("pending", pending);
                w.put("deadLetters", dead);
                w.put("thisNode", Map.of("delivered", d.delivered(), "retried", d.retried(), "deadLettered", d.deadLettered()));
                w.put("sources", sources);
                out.add(w);
            }
            return Responses.json(HttpResponseStatus.OK, Map.of("webhooks", out));
        }, blocking);
    }

    @Override
    public void close() {
        dispatchers.forEach(WebhookDispatcher::close);
    }
}
