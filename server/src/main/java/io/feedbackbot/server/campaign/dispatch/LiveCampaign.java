package io.feedbackbot.server.campaign.dispatch;

import io.feedbackbot.dialogs.campaign.CampaignStatus;
import io.feedbackbot.dialogs.campaign.SendWindow;
import io.feedbackbot.redis.campaign.StoredStatus;
import io.feedbackbot.server.campaign.CampaignDefinition;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One active campaign as a node's dispatcher sees it: its definition, send window, the time zones of its groups,
 * the newest status this node has heard of, and what the dispatcher has learnt recently (counts, shards with
 * nothing to send, when the next pace token comes). Touched by the dispatcher thread; the status also by the
 * status listener.
 */
final class LiveCampaign {

    static final Duration COUNTS_EVERY = Duration.ofMillis(500);
    static final Duration EMPTY_SHARDS_FOR = Duration.ofSeconds(2);

    final CampaignDefinition def;
    final SendWindow window;
    final List<ZoneId> zones;
    final List<String> attributes;
    final int shards;
    private volatile StoredStatus status;
    private Map<String, Long> counts = Map.of();
    private Instant countsAt = Instant.EPOCH;
    private final BitSet empty = new BitSet();
    private Instant emptySince = Instant.EPOCH;
    private int rotation;
    Instant nextToken = Instant.EPOCH;
    Instant backOffUntil = Instant.EPOCH;

    LiveCampaign(CampaignDefinition def, SendWindow window, List<ZoneId> zones, List<String> attributes, int shards,
                 StoredStatus status) {
        this.def = def;
        this.window = window;
        this.zones = List.copyOf(zones);
        this.attributes = List.copyOf(attributes);
        this.shards = shards;
        this.status = status;
    }

    String id() {
        return def.id();
    }

    StoredStatus stored() {
        return status;
    }

    CampaignStatus status() {
        return CampaignStatus.fromWire(status.status());
    }

    /** Keeps the newer of the known and the given status (versions only grow). */
    void heard(StoredStatus newer) {
        if (newer.version() >= status.version()) {
            status = newer;
        }
    }

    /** The time-zone groups whose window is open at {@code now}. */
    BitSet openGroups(Instant now) {
        BitSet open = new BitSet(zones.size());
        for (int g = 0; g < zones.size(); g++) {
            if (window.isOpen(now, zones.get(g))) {
                open.set(g);
            }
        }
        return open;
    }

    boolean countsStale(Instant now) {
        return !now.isBefore(countsAt.plus(COUNTS_EVERY));
    }

    void counts(Map<String, Long> fresh, Instant at) {
        counts = fresh;
        countsAt = at;
    }

    long count(String field) {
        return counts.getOrDefault(field, 0L);
    }

    /** Spreads {@code want} claims over the shards not known to be empty, starting at a rotating shard. */
    Map<Integer, Integer> quotas(int want, Instant now) {
        if (!now.isBefore(emptySince.plus(EMPTY_SHARDS_FOR))) {
            empty.clear();
            emptySince = now;
        }
        int candidates = shards - empty.cardinality();
        Map<Integer, Integer> quotas = new HashMap<>();
        if (candidates == 0 || want <= 0) {
            return quotas;
        }
        candidates = Math.min(candidates, Math.max(1, (want + 31) / 32)); // at least ~32 per script
        int base = want / candidates;
        int extra = want % candidates;
        rotation = (rotation + 1) % shards;
        for (int i = 0, given = 0; i < shards && given < candidates; i++) {
            int shard = (rotation + i) % shards;
            if (empty.get(shard)) {
                continue;
            }
            int quota = base + (given++ < extra ? 1 : 0);
            if (quota > 0) {
                quotas.put(shard, quota);
            }
        }
        return quotas;
    }

    /** Remembers shards that had nothing left to send in the open groups. */
    void noteLeft(Map<Integer, Long> left) {
        left.forEach((shard, n) -> {
            if (n == 0) {
                empty.set(shard);
            }
        });
    }
}
