package io.feedbackbot.server.campaign.dispatch;

import io.feedbackbot.config.CampaignSettings;
import io.feedbackbot.dialogs.campaign.CampaignDuty;
import io.feedbackbot.dialogs.campaign.CampaignStatus;
import io.feedbackbot.redis.campaign.PaceLimiter;
import io.feedbackbot.redis.campaign.RecipientShards;
import io.feedbackbot.redis.campaign.RedisCampaignStore;
import io.feedbackbot.redis.campaign.StoredStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node's campaign worker: a single thread that, for every active campaign, does what {@link CampaignDuty}
 * says: starts it at its start time, claims recipients whose send window is open (as many as the node has room
 * for and the account's pace allows) and hands them to the {@link InviteGate}, records how they ended, skips those
 * left at the end or after a cancel, and completes it when nobody is left. Every node runs one; they share the work
 * through Redis claims and never need to know about each other.
 */
public final class CampaignDispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CampaignDispatcher.class);
    static final int MAX_CLAIM = 500;
    static final int DRAIN_BATCH = 1_000;
    static final Duration IDLE = Duration.ofMillis(50);

    private final RedisCampaignStore store;
    private final RecipientShards shards;
    private final PaceLimiter pace;
    private final CampaignWatch watch;
    private final InviteGate gate;
    private final Clock clock;
    private final CampaignSettings settings;
    private final String node;
    private final Object signal = new Object();
    private final Thread thread;
    private volatile boolean running = true;
    private boolean signalled;

    public CampaignDispatcher(RedisCampaignStore store, RecipientShards shards, PaceLimiter pace,
                              CampaignLoader loader, io.feedbackbot.core.engine.ConversationEngine engine, Clock clock,
                              CampaignSettings settings, String node) {
        this.store = store;
        this.shards = shards;
        this.pace = pace;
        this.clock = clock;
        this.settings = settings;
        this.node = node;
        this.gate = new InviteGate(engine, clock, Math.min(settings.inFlight(), 256), settings.inFlight() / 2,
                this::wake);
        this.watch = new CampaignWatch(store, loader::load, this::wake);
        this.thread = new Thread(this::loop, "campaign-dispatcher");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** The newest status of a campaign this node has heard of (for tests and diagnostics). */
    public Optional<StoredStatus> observed(String campaign) {
        return watch.observed(campaign);
    }

    /** Recipients this node holds right now. */
    public int inFlight() {
        return gate.inFlight();
    }

    public String node() {
        return node;
    }

    void wake() {
        synchronized (signal) {
            signalled = true;
            signal.notifyAll();
        }
    }

    private void loop() {
        while (running) {
            Duration sleep = IDLE;
            try {
                sleep = tick();
            } catch (RuntimeException e) {
                log.warn("campaign dispatch failed, retrying: {}", e.toString());
                sleep = Duration.ofSeconds(1);
            }
            synchronized (signal) {
                if (!signalled && running && !sleep.isZero()) {
                    try {
                        signal.wait(Math.max(1, sleep.toMillis()));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                signalled = false;
            }
        }
    }

    /** One pass over every active campaign; returns how long to wait before the next (zero: go on at once). */
    Duration tick() {
        Instant now = clock.instant();
        watch.refresh(now);
        record(gate.drain());
        gate.releaseStopped();
        Duration sleep = IDLE;
        for (LiveCampaign c : List.copyOf(watch.campaigns())) {
            if (c.countsStale(now)) {
                c.counts(shards.counts(c.id(), c.shards), now);
            }
            CampaignDuty duty = CampaignDuty.decide(c.status(), c.def.start(), c.def.end(), now,
                    c.count("queued"), c.count("claimed"));
            switch (duty) {
                case START -> move(c, Set.of("scheduled"), CampaignStatus.RUNNING, "the start time came");
                case SEND -> sleep = min(sleep, send(c, now));
                case END -> drain(c, now, "schedule_ended");
                case DRAIN -> drain(c, now, "cancelled");
                case COMPLETE -> {
                    if (move(c, Set.of("running"), CampaignStatus.COMPLETED, "every recipient was handled")) {
                        finish(c);
                    }
                }
                case WAIT -> {
                    if (c.status().isFinal()) {
                        finish(c);
                    }
                }
            }
        }
        return sleep;
    }

    private Duration send(LiveCampaign c, Instant now) {
        if (now.isBefore(c.nextToken) || now.isBefore(c.backOffUntil)) {
            return Duration.between(now, c.nextToken.isAfter(c.backOffUntil) ? c.nextToken : c.backOffUntil);
        }
        BitSet open = c.openGroups(now);
        if (open.isEmpty()) {
            return Duration.ofSeconds(1);
        }
        int held = gate.inFlight();
        int want = Math.min(settings.inFlight() - held, MAX_CLAIM);
        if (want <= 0 || (held > settings.inFlight() / 2 && !c.def.paced())) {
            return IDLE; // claim in chunks: fewer, fuller scripts per shard
        }
        if (c.def.paced()) {
            PaceLimiter.Grant grant = pace.take(c.def.channel(), c.def.account(), c.def.perSecond(), want);
            if (grant.granted() == 0) {
                c.nextToken = now.plus(grant.nextTokenIn());
                return grant.nextTokenIn();
            }
            want = grant.granted();
        }
        Map<Integer, Integer> quotas = c.quotas(want, now);
        if (quotas.isEmpty()) {
            return IDLE;
        }
        RecipientShards.Claims claims = shards.claim(c.id(), c.zones.size(), open, quotas, node, now,
                settings.lease());
        c.noteLeft(claims.left());
        gate.submit(c, claims.claimed());
        return claims.claimed().size() == want ? Duration.ZERO : IDLE;
    }

    private void record(List<InviteGate.Done> finished) {
        if (finished.isEmpty()) {
            return;
        }
        Map<String, List<RecipientShards.Outcome>> outcomes = new HashMap<>();
        Map<LiveCampaign, Map<Integer, List<String>>> released = new HashMap<>();
        for (InviteGate.Done d : finished) {
            RecipientShards.Claimed claim = d.claim();
            if (d.released()) {
                released.computeIfAbsent(d.campaign(), c -> new HashMap<>())
                        .computeIfAbsent(claim.shard(), s -> new ArrayList<>()).add(claim.record().id());
                d.campaign().backOffUntil = clock.instant().plusMillis(500);
            } else {
                outcomes.computeIfAbsent(d.campaign().id(), c -> new ArrayList<>()).add(new RecipientShards.Outcome(
                        claim.shard(), claim.record().id(), d.outcome().outcome(), d.outcome().reason(),
                        shorten(d.outcome().detail())));
            }
        }
        outcomes.forEach(shards::finish);
        released.forEach((c, ids) -> shards.release(c.id(), c.zones.size(), ids));
    }

    private void drain(LiveCampaign c, Instant now, String reason) {
        long drained = shards.drain(c.id(), c.shards, c.zones.size(), now, DRAIN_BATCH, reason);
        if (drained > 0) {
            log.info("campaign {}: {} recipients skipped ({})", c.id(), drained, reason);
            c.counts(shards.counts(c.id(), c.shards), now);
        }
    }

    private boolean move(LiveCampaign c, Set<String> from, CampaignStatus to, String note) {
        RedisCampaignStore.Move move = store.move(c.id(), from, to.wireName(), note, clock.instant());
        if (move instanceof RedisCampaignStore.Move.Moved moved) {
            log.info("campaign {} is {} ({})", c.id(), to.wireName(), note);
            c.heard(new StoredStatus(to.wireName(), moved.version(), clock.instant(), note));
            return true;
        }
        return false;
    }

    /** A finished campaign leaves the active set; its keys expire after the retention. */
    private void finish(LiveCampaign c) {
        store.deactivate(c.id());
        store.expire(c.id(), settings.retention());
        shards.expire(c.id(), c.shards, c.zones.size(), settings.retention());
        watch.forget(c.id());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String shorten(String detail) {
        return detail == null || detail.length() <= 200 ? detail : detail.substring(0, 200) + "…";
    }

    @Override
    public void close() {
        running = false;
        wake();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        gate.releaseAll();
        record(gate.drain());
        watch.close();
    }
}
