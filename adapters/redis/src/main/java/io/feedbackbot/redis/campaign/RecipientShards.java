package io.feedbackbot.redis.campaign;

import io.feedbackbot.redis.LuaScript;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.UnifiedJedis;

/**
 * A campaign's recipients in Redis, split into shards by recipient id and, within a shard, into one queue per
 * time-zone group. Every change is one Lua script per shard, pipelined across shards, and keeps the shard's
 * counters in the same step: queued, claimed, and how recipients ended (sent, failed, unknown, skipped, each also by
 * reason). A recipient is claimed by one node at a time under a lease; a claim whose node died is re-driven by any
 * node once the lease passes; an outcome is counted only while the recipient is still claimed, so it is counted
 * once.
 */
public final class RecipientShards {

    private final UnifiedJedis redis;
    private final CampaignKeys keys;
    private final LuaScript importScript = LuaScript.load("campaign_import");
    private final LuaScript claimScript = LuaScript.load("campaign_claim");
    private final LuaScript finalizeScript = LuaScript.load("campaign_finalize");
    private final LuaScript releaseScript = LuaScript.load("campaign_release");
    private final LuaScript drainScript = LuaScript.load("campaign_drain");

    public RecipientShards(UnifiedJedis redis, CampaignKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    /** A recipient to add: its time-zone group and its record. */
    public record Added(int group, RecipientRecord record) {
    }

    /** A claimed recipient: where it lives and what it is. */
    public record Claimed(int shard, int group, RecipientRecord record) {
    }

    /**
     * What one claim round got.
     *
     * @param left recipients still queued in open groups, by shard asked (0 means that shard has nothing to send now)
     */
    public record Claims(List<Claimed> claimed, Map<Integer, Long> left) {
    }

    /** How one claimed recipient ended. {@code outcome} is sent, failed, unknown or skipped. */
    public record Outcome(int shard, String id, String outcome, String reason, String detail) {
    }

    /** The shard a recipient id lives in; the same on every node and JVM ({@link String#hashCode} is specified). */
    public static int shardOf(String recipientId, int shards) {
        return Math.floorMod(recipientId.hashCode(), shards);
    }

    /**
     * Adds recipients, each to the queue of its group in its shard; one script per shard, all pipelined.
     *
     * @param groups how many time-zone groups the campaign has so far (at least one more than any group added)
     * @return the ids that the campaign already had (duplicates, not added)
     */
    public List<String> add(String campaign, int shards, int groups, List<Added> rows) {
        Map<Integer, List<String>> args = new TreeMap<>();
        for (Added row : rows) {
            List<String> a = args.computeIfAbsent(shardOf(row.record().id(), shards), s -> new ArrayList<>());
            a.add(row.record().id());
            a.add(Integer.toString(row.group()));
            a.add(row.record().encode());
        }
        List<LuaScript.Queued> queued = new ArrayList<>();
        try (AbstractPipeline pipeline = redis.pipelined()) {
            args.forEach((shard, a) -> {
                List<String> k = new ArrayList<>(List.of(keys.shard(campaign, shard, "ids"),
                        keys.shard(campaign, shard, "n")));
                k.addAll(keys.queues(campaign, shard, groups));
                queued.add(importScript.queue(pipeline, k, a));
            });
            pipeline.sync();
        }
        List<String> duplicates = new ArrayList<>();
        for (LuaScript.Queued q : queued) {
            for (Object id : (List<?>) importScript.result(redis, q)) {
                duplicates.add(String.valueOf(id));
            }
        }
        return duplicates;
    }

    /**
     * Claims recipients for {@code node}: {@code quotas} says how many from which shard. Only groups set in
     * {@code open} are taken; expired claims of closed groups go back to their queues.
     */
    public Claims claim(String campaign, int groups, BitSet open, Map<Integer, Integer> quotas, String node,
                        Instant now, Duration lease) {
        StringBuilder openFlags = new StringBuilder(groups);
        for (int g = 0; g < groups; g++) {
            openFlags.append(open.get(g) ? '1' : '0');
        }
        String nowMs = Long.toString(now.toEpochMilli());
        String leaseEnd = Long.toString(now.plus(lease).toEpochMilli());
        Map<Integer, LuaScript.Queued> queued = new TreeMap<>();
        try (AbstractPipeline pipeline = redis.pipelined()) {
            quotas.forEach((shard, quota) -> {
                if (quota > 0) {
                    List<String> k = new ArrayList<>(List.of(keys.shard(campaign, shard, "claims"),
                            keys.shard(campaign, shard, "lease"), keys.shard(campaign, shard, "n")));
                    k.addAll(keys.queues(campaign, shard, groups));
                    queued.put(shard, claimScript.queue(pipeline, k,
                            List.of(nowMs, leaseEnd, node, Integer.toString(quota), openFlags.toString())));
                }
            });
            pipeline.sync();
        }
        List<Claimed> claimed = new ArrayList<>();
        Map<Integer, Long> left = new HashMap<>();
        queued.forEach((shard, q) -> {
            List<?> result = (List<?>) claimScript.result(redis, q);
            left.put(shard, (Long) result.get(0));
            for (int i = 1; i < result.size(); i++) {
                String claim = String.valueOf(result.get(i));
                int rs = claim.indexOf('\u001e');
                claimed.add(new Claimed(shard, Integer.parseInt(claim.substring(0, rs)),
                        RecipientRecord.decode(claim.substring(rs + 1))));
            }
        });
        return new Claims(claimed, left);
    }

    /** Records outcomes of claimed recipients; returns how many were counted now (the rest were counted before). */
    public int finish(String campaign, List<Outcome> outcomes) {
        Map<Integer, List<String>> args = new TreeMap<>();
        for (Outcome o : outcomes) {
            List<String> a = args.computeIfAbsent(o.shard(), s -> new ArrayList<>());
            a.add(o.id());
            a.add(o.outcome());
            a.add(o.reason() == null ? "" : o.reason());
            a.add(o.detail() == null ? "" : o.detail().replace('\u001f', ' ').replace('\u001e', ' '));
        }
        List<LuaScript.Queued> queued = new ArrayList<>();
        try (AbstractPipeline pipeline = redis.pipelined()) {
            args.forEach((shard, a) -> queued.add(finalizeScript.queue(pipeline,
                    List.of(keys.shard(campaign, shard, "claims"), keys.shard(campaign, shard, "lease"),
                            keys.shard(campaign, shard, "n"), keys.shard(campaign, shard, "log")), a)));
            pipeline.sync();
        }
        int done = 0;
        for (LuaScript.Queued q : queued) {
            done += ((Long) finalizeScript.result(redis, q)).intValue();
        }
        return done;
    }

    /** Puts claimed recipients back at the front of their queues, unsent; returns how many were still claimed. */
    public int release(String campaign, int groups, Map<Integer, List<String>> idsByShard) {
        List<LuaScript.Queued> queued = new ArrayList<>();
        try (AbstractPipeline pipeline = redis.pipelined()) {
            idsByShard.forEach((shard, ids) -> {
                List<String> k = new ArrayList<>(List.of(keys.shard(campaign, shard, "claims"),
                        keys.shard(campaign, shard, "lease"), keys.shard(campaign, shard, "n")));
                k.addAll(keys.queues(campaign, shard, groups));
                queued.add(releaseScript.queue(pipeline, k, ids));
            });
            pipeline.sync();
        }
        int released = 0;
        for (LuaScript.Queued q : queued) {
            released += ((Long) releaseScript.result(redis, q)).intValue();
        }
        return released;
    }

    /**
     * Skips up to {@code max} recipients per shard that will never be sent (still queued, or claimed by a node
     * whose lease ran out) with {@code reason}; returns how many were skipped now.
     */
    public long drain(String campaign, int shards, int groups, Instant now, int max, String reason) {
        List<LuaScript.Queued> queued = new ArrayList<>();
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (int shard = 0; shard < shards; shard++) {
                List<String> k = new ArrayList<>(List.of(keys.shard(campaign, shard, "claims"),
                        keys.shard(campaign, shard, "lease"), keys.shard(campaign, shard, "n"),
                        keys.shard(campaign, shard, "log")));
                k.addAll(keys.queues(campaign, shard, groups));
                queued.add(drainScript.queue(pipeline, k,
                        List.of(Long.toString(now.toEpochMilli()), Integer.toString(max), reason)));
            }
            pipeline.sync();
        }
        long drained = 0;
        for (LuaScript.Queued q : queued) {
            drained += (Long) drainScript.result(redis, q);
        }
        return drained;
    }

    /** The shards' counters summed: queued, claimed, imported, sent, failed, unknown, skipped, and by reason. */
    public Map<String, Long> counts(String campaign, int shards) {
        List<redis.clients.jedis.Response<Map<String, String>>> responses = new ArrayList<>(shards);
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (int shard = 0; shard < shards; shard++) {
                responses.add(pipeline.hgetAll(keys.shard(campaign, shard, "n")));
            }
            pipeline.sync();
        }
        Map<String, Long> sum = new TreeMap<>();
        for (var response : responses) {
            response.get().forEach((field, value) -> sum.merge(field, Long.parseLong(value), Long::sum));
        }
        return sum;
    }

    /** Up to {@code count} outcome lines of one shard from position {@code from}: id, outcome, reason, detail. */
    public List<List<String>> outcomes(String campaign, int shard, long from, long count) {
        List<List<String>> out = new ArrayList<>();
        for (String line : redis.lrange(keys.shard(campaign, shard, "log"), from, from + count - 1)) {
            out.add(List.of(line.split("\u001f", -1)));
        }
        return out;
    }

    /** Deletes every recipient key of the campaign (before a new audience replaces the old one). */
    public void clear(String campaign, int shards, int groups) {
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (int shard = 0; shard < shards; shard++) {
                for (String key : shardKeys(campaign, shard, groups)) {
                    pipeline.del(key);
                }
            }
            pipeline.sync();
        }
    }

    /** Lets every recipient key of the campaign expire after {@code ttl} (a finished campaign's retention). */
    public void expire(String campaign, int shards, int groups, Duration ttl) {
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (int shard = 0; shard < shards; shard++) {
                for (String key : shardKeys(campaign, shard, groups)) {
                    pipeline.pexpire(key, ttl.toMillis());
                }
            }
            pipeline.sync();
        }
    }

    /** Drops the duplicate-id sets once an import is over: they are needed only while it runs. */
    public void forgetIds(String campaign, int shards) {
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (int shard = 0; shard < shards; shard++) {
                pipeline.del(keys.shard(campaign, shard, "ids"));
            }
            pipeline.sync();
        }
    }

    private List<String> shardKeys(String campaign, int shard, int groups) {
        List<String> all = new ArrayList<>(List.of(keys.shard(campaign, shard, "ids"),
                keys.shard(campaign, shard, "n"), keys.shard(campaign, shard, "claims"),
                keys.shard(campaign, shard, "lease"), keys.shard(campaign, shard, "log")));
        all.addAll(keys.queues(campaign, shard, groups));
        return all;
    }
}
