package io.feedbackbot.server.integrations;

import io.feedbackbot.config.WebhookSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Delivers one webhook's events at least once: reads new entries of its source streams through its consumer
 * groups, POSTs each as signed JSON, acknowledges after a 2xx, retries anything else with exponential backoff
 * and jitter, and dead-letters an event after {@code maxAttempts}. Entries a dead node left pending are taken
 * over after {@link #claimIdle}. All state is touched on one worker thread; HTTP runs on OkHttp's threads and
 * reports back to it. The secret is used to sign, never logged.
 */
public final class WebhookDispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    static final int MAX_IN_FLIGHT = 8;
    private static final int MAX_HELD = 200;

    private final WebhookSettings settings;
    private final List<StreamGroup> groups;
    private final OkHttpClient http;
    private final Backoff backoff;
    private final Duration claimIdle;
    private final Random random = new Random();
    private final Map<String, Attempt> held = new LinkedHashMap<>();
    private final ScheduledExecutorService worker;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private int inFlight;
    private long lastHousekeeping = System.nanoTime();

    /** @param claimIdle how long another node's pending event must sit untouched before this node takes it over */
    WebhookDispatcher(WebhookSettings settings, List<StreamGroup> groups, OkHttpClient http, Duration claimIdle) {
        this.settings = settings;
        this.groups = List.copyOf(groups);
        this.http = http.newBuilder().callTimeout(settings.timeout()).build();
        this.backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff());
        this.claimIdle = claimIdle;
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "webhook-" + settings.name());
            t.setDaemon(true);
            return t;
        });
        this.groups.forEach(StreamGroup::ensure);
    }

    WebhookDispatcher start(Duration every) {
        worker.scheduleWithFixedDelay(() -> {
            try {
                tick();
            } catch (RuntimeException e) {
                log.warn("webhook {}: {}", settings.name(), e.toString());
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    WebhookSettings settings() {
        return settings;
    }

    List<StreamGroup> groups() {
        return groups;
    }

    long delivered() {
        return delivered.get();
    }

    long retried() {
        return retried.get();
    }

    long deadLettered() {
        return deadLettered.get();
    }

    private void tick() {
        long now = System.nanoTime();
        for (StreamGroup group : groups) {
            group.ensure();
            List<String> waiting = new ArrayList<>();
            held.values().forEach(a -> {
                if (a.group == group && !a.sending && now - a.touchedAt > claimIdle.toNanos() / 3) {
                    waiting.add(a.id);
                    a.touchedAt = now;
                }
            });
            group.touch(waiting);
            for (StreamGroup.Claimed c : group.takeOver(claimIdle, 50)) {
                hold(group, c.entry(), c.deliveries(), now);
            }
            int room = MAX_HELD - held.size();
            if (room > 0) {
                group.readNew(room).forEach(entry -> hold(group, entry, 1, now));
            }
        }
        for (Attempt a : new ArrayList<>(held.values())) {
            if (inFlight >= MAX_IN_FLIGHT) {
                break;
            }
            if (!a.sending && a.dueAt <= now) {
                send(a);
            }
        }
        if (now - lastHousekeeping > Duration.ofMinutes(10).toNanos()) {
            lastHousekeeping = now;
            groups.forEach(g -> g.forgetIdleConsumers(Duration.ofDays(1)));
        }
    }

    private void hold(StreamGroup group, StreamEntry entry, int attempt, long now) {
        String key = group.source().stream() + "|" + entry.getID();
        if (held.containsKey(key)) {
            return;
        }
        Attempt a = new Attempt(group, entry.getID().toString(), attempt, now);
        try {
            WebhookEvent event = group.source().event(entry.getFields());
            a.eventId = event.id();
            a.body = event.body();
        } catch (RuntimeException e) {
            group.deadLetter(a.id, null, attempt, "unreadable entry: " + e.getMessage());
            deadLettered.incrementAndGet();
            return;
        }
        held.put(key, a);
    }

    private void send(Attempt a) {
        if (a.attempt > 1 && a.needsClaim && a.group.claimForRetry(a.id) == null) {
            a.group.ack(a.id);
            held.remove(a.key());
            return;
        }
        a.needsClaim = false;
        a.sending = true;
        inFlight++;
        Request request = new Request.Builder().url(settings.url()).post(RequestBody.create(a.body, JSON))
                .header(WebhookSignature.HEADER, WebhookSignature.sign(settings.secret(), a.body))
                .header("X-Feedbackbot-Event-Id", a.eventId)
                .header("X-Feedbackbot-Delivery-Attempt", Integer.toString(a.attempt))
                .header("User-Agent", "feedbackbot-webhooks")
                .build();
        http.newCall(request).enqueue(new Callback() {
            @Override
            public void onResponse(Call call, Response response) {
                int code = response.code();
                response.close();
                report(a, code >= 200 && code < 300 ? null : "HTTP " + code);
            }

            @Override
            public void onFailure(Call call, IOException e) {
                report(a, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            }
        });
    }

    private void report(Attempt a, String failure) {
        try {
            worker.execute(() -> finished(a, failure));
        } catch (RejectedExecutionException stopping) {
            // shutting down: the entry stays pending and is delivered after a restart or by another node
        }
    }

    private void finished(Attempt a, String failure) {
        inFlight--;
        a.sending = false;
        if (failure == null) {
            a.group.ack(a.id);
            held.remove(a.key());
            delivered.incrementAndGet();
            return;
        }
        if (a.attempt >= settings.maxAttempts()) {
            log.warn("webhook {}: event {} dead-lettered after {} attempts ({})", settings.name(), a.eventId, a.attempt, failure);
            a.group.deadLetter(a.id, a.eventId, a.attempt, failure);
            held.remove(a.key());
            deadLettered.incrementAndGet();
            return;
        }
        retried.incrementAndGet();
        long now = System.nanoTime();
        a.dueAt = now + backoff.delay(a.attempt, random.nextDouble()).toNanos();
        a.touchedAt = now;
        a.attempt++;
        a.needsClaim = true;
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }

    /** An event held by this node: pending in its group, being sent or waiting for its next attempt. */
    private static final class Attempt {
        final StreamGroup group;
        final String id;
        int attempt;
        long dueAt;
        long touchedAt;
        boolean sending;
        boolean needsClaim;
        String eventId;
        byte[] body;

        Attempt(StreamGroup group, String id, int attempt, long now) {
            this.group = group;
            this.id = id;
            this.attempt = attempt;
            this.dueAt = now;
            this.touchedAt = now;
        }

        String key() {
            return group.source().stream() + "|" + id;
        }
    }
}
