package io.feedbackbot.server.ops;

import io.feedbackbot.server.http.Reply;
import io.feedbackbot.server.http.Request;
import io.feedbackbot.server.http.Responses;
import io.feedbackbot.server.http.Router;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/** {@code /healthz} (the process answers), {@code /readyz} (Redis answers too) and {@code /metrics} (Prometheus). */
public final class OpsRoutes {

    private final BooleanSupplier redisReachable;
    private final PrometheusMeterRegistry registry;
    private final Executor blocking;

    public OpsRoutes(BooleanSupplier redisReachable, PrometheusMeterRegistry registry, Executor blocking) {
        this.redisReachable = redisReachable;
        this.registry = registry;
        this.blocking = blocking;
    }

    public void register(Router router) {
        router.add(HttpMethod.GET, "/healthz", r -> Responses.done(Responses.json(HttpResponseStatus.OK,
                        Map.of("status", "ok"))))
                .add(HttpMethod.GET, "/readyz", this::ready)
                .add(HttpMethod.GET, "/metrics", this::metrics);
    }

    private CompletableFuture<Reply> ready(Request request) {
        return CompletableFuture.supplyAsync(() -> redisReachable.getAsBoolean()
                ? Responses.json(HttpResponseStatus.OK, Map.of("status", "ready", "redis", "ok"))
                : Responses.json(HttpResponseStatus.SERVICE_UNAVAILABLE, Map.of("status", "not ready",
                "redis", "unreachable")), blocking);
    }

    private CompletableFuture<Reply> metrics(Request request) {
        return CompletableFuture.supplyAsync(() -> Reply.Full.text(HttpResponseStatus.OK,
                "text/plain; version=0.0.4; charset=utf-8", registry.scrape()), blocking);
    }
}
