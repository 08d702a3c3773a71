package io.feedbackbot.server.campaign.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.feedbackbot.server.http.Responses;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live campaign progress as server-sent events ({@code event: progress}, the same JSON as
 * {@code GET /api/v1/campaigns/{id}}). The server reads the counts of watched campaigns once a second, and at once
 * when any node changes a campaign's status, and pushes them only when they changed; browsers and the CLI never
 * poll.
 */
public final class ProgressEvents implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProgressEvents.class);

    private final Function<String, Map<String, Object>> views;
    private final Executor blocking;
    private final Map<String, Set<Channel>> watchers = new ConcurrentHashMap<>();
    private final Map<String, String> last = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "campaign-progress-events");
        t.setDaemon(true);
        return t;
    });

    /** @param views reads a campaign's view (blocking) */
    public ProgressEvents(Function<String, Map<String, Object>> views, Executor blocking) {
        this.views = views;
        this.blocking = blocking;
        ticker.scheduleWithFixedDelay(this::pushAll, 1, 1, TimeUnit.SECONDS);
        ticker.scheduleAtFixedRate(this::beat, 15, 15, TimeUnit.SECONDS);
    }

    /** Starts an event stream on the channel (event loop; does not block) and sends the current view. */
    void open(ChannelHandlerContext ctx, String campaign) {
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8")
                .set(HttpHeaderNames.CACHE_CONTROL, "no-cache")
                .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE)
                .set("X-Accel-Buffering", "no");
        ctx.writeAndFlush(response);
        ctx.writeAndFlush(chunk("retry: 2000\n\n"));
        Channel channel = ctx.channel();
        watchers.computeIfAbsent(campaign, c -> ConcurrentHashMap.newKeySet()).add(channel);
        channel.closeFuture().addListener(f -> watchers.computeIfPresent(campaign, (c, set) -> {
            set.remove(channel);
            return set.isEmpty() ? null : set;
        }));
        last.remove(campaign);
        push(campaign);
    }

    /** A campaign's status changed somewhere: push its view now. */
    public void changed(String campaign) {
        if (watchers.containsKey(campaign)) {
            last.remove(campaign);
            push(campaign);
        }
    }

    private void pushAll() {
        watchers.keySet().forEach(this::push);
    }

    private void push(String campaign) {
        blocking.execute(() -> {
            try {
                String json = Responses.JSON.writeValueAsString(views.apply(campaign));
                if (json.equals(last.put(campaign, json))) {
                    return;
                }
                Set<Channel> channels = watchers.get(campaign);
                if (channels != null) {
                    channels.forEach(c -> c.writeAndFlush(chunk("event: progress\ndata: " + json + "\n\n")));
                }
            } catch (JsonProcessingException | RuntimeException e) {
                log.warn("could not push the progress of campaign {}: {}", campaign, e.toString());
            }
        });
    }

    private void beat() {
        watchers.values().forEach(set -> set.forEach(c -> c.writeAndFlush(chunk(": keep-alive\n\n"))));
    }

    /** How many streams are open (for tests). */
    public int open() {
        return watchers.values().stream().mapToInt(Set::size).sum();
    }

    private static DefaultHttpContent chunk(String text) {
        return new DefaultHttpContent(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        watchers.values().forEach(set -> set.forEach(Channel::close));
    }
}
