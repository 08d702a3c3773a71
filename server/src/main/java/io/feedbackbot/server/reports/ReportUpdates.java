package io.feedbackbot.server.reports;

import io.feedbackbot.redis.pubsub.RedisSubscription;
import io.feedbackbot.server.api.ApiAuth;
import io.feedbackbot.server.http.EventStreams;
import io.feedbackbot.server.http.Reply;
import io.feedbackbot.server.http.Request;
import io.feedbackbot.server.http.Responses;
import io.feedbackbot.server.http.Router;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMethod;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@code GET /api/v1/reports/live?survey=ID}: server-sent events telling open dashboards that a survey's counters
 * changed ({@code event: counters}), so they fetch the report again without a reload. Any node's aggregator
 * announces a change over Redis pub/sub; every node pushes it to the pages connected to it. Writes are Netty
 * writes (thread-safe, never blocking); the subscription is the shared {@link RedisSubscription}.
 */
public final class ReportUpdates implements AutoCloseable {

    private final Map<Channel, String> pages = new ConcurrentHashMap<>();
    private final RedisSubscription subscription;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "report-live-heartbeat");
        t.setDaemon(true);
        return t;
    });

    public ReportUpdates(UnifiedJedis redis, ReportKeys keys) {
        this.subscription = RedisSubscription.start(redis, keys.updates(), "report-live-subscriber", this::changed);
        heartbeat.scheduleAtFixedRate(() -> pages.keySet().forEach(c ->
                c.writeAndFlush(EventStreams.chunk(": keep-alive\n\n"))), 15, 15, TimeUnit.SECONDS);
    }

    public void register(Router router, ApiAuth auth) {
        router.add(HttpMethod.GET, "/api/v1/reports/live", auth.require(ApiAuth.RESULTS, this::open));
    }

    /** How many dashboards are connected to this node. */
    public int connected() {
        return pages.size();
    }

    private java.util.concurrent.CompletableFuture<Reply> open(Request request) {
        String survey = request.queryParam("survey").orElse("");
        return Responses.done(new Reply.Streamed((ChannelHandlerContext ctx, boolean keepAlive) -> {
            EventStreams.begin(ctx);
            pages.put(ctx.channel(), survey);
            ctx.channel().closeFuture().addListener(f -> pages.remove(ctx.channel()));
        }));
    }

    private void changed(String survey) {
        String event = "event: counters\ndata: {\"survey\":" + quoted(survey) + "}\n\n";
        pages.forEach((channel, wanted) -> {
            if (wanted.isEmpty() || wanted.equals(survey)) {
                channel.writeAndFlush(EventStreams.chunk(event));
            }
        });
    }

    private static String quoted(String text) {
        try {
            return Responses.JSON.writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        subscription.close();
        pages.keySet().forEach(Channel::close);
    }
}
