package io.feedbackbot.server.campaign.tracking;

import io.feedbackbot.redis.RedisKeys;
import io.feedbackbot.redis.campaign.CampaignTally;
import io.feedbackbot.server.campaign.CampaignDefinition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Counts campaign recipients who responded, from the surveys' answer streams ({@code fb:{survey:<id>}:answers})
 * through a consumer group shared by every node: each answer is read by one node, counted, then acknowledged, so a
 * node that dies leaves its unacknowledged answers to be claimed by another. Counting sets the recipient's bit,
 * so an answer read twice, or a recipient's second answer, counts nothing: responded is exactly the number of
 * recipients with at least one stored answer (answered, skipped, or not understood: every one is a reply).
 */
public final class ResponseCounter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ResponseCounter.class);
    static final String GROUP = "campaigns";
    static final int PAGE = 1_000;
    static final Duration IDLE_BEFORE_CLAIM = Duration.ofSeconds(60);

    private final UnifiedJedis redis;
    private final RedisKeys keys;
    private final CampaignTally tally;
    private final List<String> surveys;
    private final String consumer;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "campaign-responses");
        t.setDaemon(true);
        return t;
    });
    private final java.util.Set<String> grouped = new java.util.HashSet<>();
    private int round;

    public ResponseCounter(UnifiedJedis redis, RedisKeys keys, CampaignTally tally, Collection<String> surveys,
                           String consumer) {
        this.redis = redis;
        this.keys = keys;
        this.tally = tally;
        this.surveys = List.copyOf(surveys);
        this.consumer = consumer;
    }

    public void start(Duration every) {
        scheduler.scheduleWithFixedDelay(this::readSafely, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Reads and counts what is new in every survey's stream (and, now and then, what dead nodes left). */
    public int read() {
        int counted = 0;
        boolean reclaim = round++ % 60 == 0;
        for (String survey : surveys) {
            String stream = keys.survey(survey, "answers");
            if (!group(stream)) {
                continue;
            }
            counted += readStream(stream, reclaim);
        }
        return counted;
    }

    /**
     * Makes sure the stream has the group: created from the stream's first entry once the stream exists (it does
     * once a survey has its first answer), so no answer is missed and no empty stream is made.
     */
    private boolean group(String stream) {
        if (grouped.contains(stream)) {
            return true;
        }
        if (!redis.exists(stream)) {
            return false;
        }
        try {
            redis.xgroupCreate(stream, GROUP, new StreamEntryID(0, 0), false);
        } catch (JedisDataException e) {
            if (!String.valueOf(e.getMessage()).startsWith("BUSYGROUP")) {
                throw e;
            }
        }
        grouped.add(stream);
        return true;
    }

    private int readStream(String stream, boolean reclaim) {
        int counted = 0;
        for (int page = 0; page < 20; page++) {
            List<StreamEntry> entries = new ArrayList<>();
            if (reclaim) {
                Map.Entry<StreamEntryID, List<StreamEntry>> claimed = redis.xautoclaim(stream, GROUP, consumer,
                        IDLE_BEFORE_CLAIM.toMillis(), new StreamEntryID(0, 0), XAutoClaimParams.xAutoClaimParams().count(500));
                entries.addAll(claimed.getValue());
            }
            List<Map.Entry<String, List<StreamEntry>>> fresh = redis.xreadGroup(GROUP, consumer,
                    XReadGroupParams.xReadGroupParams().count(PAGE),
                    Map.of(stream, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
            int read = 0;
            if (fresh != null) {
                for (Map.Entry<String, List<StreamEntry>> e : fresh) {
                    entries.addAll(e.getValue());
                    read += e.getValue().size();
                }
            }
            counted += count(stream, entries);
            reclaim = false;
            if (read < PAGE) {
                break;
            }
        }
        return counted;
    }

    private int count(String stream, List<StreamEntry> entries) {
        if (entries.isEmpty()) {
            return 0;
        }
        List<CampaignTally.Mark> marks = new ArrayList<>();
        for (StreamEntry entry : entries) {
            if (entry == null || entry.getFields() == null) {
                continue;
            }
            String campaign = entry.getFields().get("camp");
            CampaignDefinition.Ids ids = CampaignDefinition.parse(entry.getFields().get("inv"));
            if (campaign != null && !campaign.isEmpty() && ids != null && ids.campaign().equals(campaign)) {
                marks.add(new CampaignTally.Mark(campaign, ids.seq(), CampaignTally.Kind.RESPONDED, ""));
            }
        }
        int counted = marks.isEmpty() ? 0 : tally.markAll(marks);
        redis.xack(stream, GROUP, entries.stream().filter(e -> e != null).map(StreamEntry::getID)
                .toArray(StreamEntryID[]::new));
        return counted;
    }

    private void readSafely() {
        try {
            read();
        } catch (RuntimeException e) {
            log.warn("counting campaign responses failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
