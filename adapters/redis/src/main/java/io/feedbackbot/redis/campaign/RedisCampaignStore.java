package io.feedbackbot.redis.campaign;

import io.feedbackbot.redis.LuaScript;
import io.feedbackbot.redis.pubsub.RedisSubscription;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Campaigns in Redis: the definition (JSON, written once), the status with its version (changed only by a
 * compare-and-set script that also announces the change on pub/sub), the audience report, an index of all
 * campaigns and the set of campaigns dispatchers look after.
 */
public final class RedisCampaignStore {

    private final UnifiedJedis redis;
    private final CampaignKeys keys;
    private final LuaScript statusScript = LuaScript.load("campaign_status");

    public RedisCampaignStore(UnifiedJedis redis, CampaignKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    /** The result of a status change: moved to a new version, or refused with the status it has. */
    public sealed interface Move {
        record Moved(long version, String status) implements Move {
        }

        record Refused(String current) implements Move {
        }
    }

    /** Stores a new campaign as a draft; false when the id exists. */
    public boolean create(String id, String definitionJson, Instant at) {
        String set = redis.set(keys.campaign(id, "def"), definitionJson, SetParams.setParams().nx());
        if (!"OK".equals(set)) {
            return false;
        }
        redis.hset(keys.campaign(id, "status"), Map.of("status", "draft", "version", "1",
                "at", Long.toString(at.toEpochMilli()), "note", "created"));
        redis.zadd(keys.index(), at.toEpochMilli(), id);
        return true;
    }

    public Optional<String> definition(String id) {
        return Optional.ofNullable(redis.get(keys.campaign(id, "def")));
    }

    public Optional<StoredStatus> status(String id) {
        return parse(redis.hgetAll(keys.campaign(id, "status")));
    }

    /** The statuses of several campaigns in one round trip; campaigns that no longer exist are left out. */
    public Map<String, StoredStatus> statuses(Collection<String> ids) {
        Map<String, Response<Map<String, String>>> responses = new LinkedHashMap<>();
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (String id : ids) {
                responses.put(id, pipeline.hgetAll(keys.campaign(id, "status")));
            }
            pipeline.sync();
        }
        Map<String, StoredStatus> out = new LinkedHashMap<>();
        responses.forEach((id, r) -> parse(r.get()).ifPresent(s -> out.put(id, s)));
        return out;
    }

    /** Moves the campaign to {@code to} if its status is one of {@code from}; announces the change to every node. */
    public Move move(String id, Set<String> from, String to, String note, Instant at) {
        List<?> result = (List<?>) statusScript.eval(redis, List.of(keys.campaign(id, "status")),
                List.of(String.join(",", from), to, Long.toString(at.toEpochMilli()), note, keys.events(), id));
        long version = (Long) result.get(0);
        return version > 0 ? new Move.Moved(version, to) : new Move.Refused(String.valueOf(result.get(1)));
    }

    public void activate(String id) {
        redis.sadd(keys.active(), id);
    }

    public void deactivate(String id) {
        redis.srem(keys.active(), id);
    }

    public Set<String> active() {
        return redis.smembers(keys.active());
    }

    /** The newest campaigns first. */
    public List<String> list(int limit) {
        return new ArrayList<>(redis.zrevrange(keys.index(), 0, limit - 1));
    }

    /** Forgets a campaign whose keys expired from the index. */
    public void unlist(String id) {
        redis.zrem(keys.index(), id);
    }

    public void putAudience(String id, String reportJson) {
        redis.set(keys.campaign(id, "audience"), reportJson);
    }

    public Optional<String> audience(String id) {
        return Optional.ofNullable(redis.get(keys.campaign(id, "audience")));
    }

    /** Lets the campaign's own keys (definition, status, audience report, tallies) expire after {@code ttl}. */
    public void expire(String id, Duration ttl) {
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (String part : List.of("def", "status", "audience", "tally", "responded", "dfinal", "reminded")) {
                pipeline.pexpire(keys.campaign(id, part), ttl.toMillis());
            }
            pipeline.sync();
        }
    }

    /**
     * Calls {@code listener} with the campaign id (on a background thread) whenever any node changes a campaign's
     * status. Closing the handle stops the calls.
     */
    public AutoCloseable subscribe(Consumer<String> listener) {
        return RedisSubscription.start(redis, keys.events(), "campaign-status-subscriber", message -> {
            int colon = message.lastIndexOf(':');
            listener.accept(colon < 0 ? message : message.substring(0, colon));
        });
    }

    private static Optional<StoredStatus> parse(Map<String, String> fields) {
        if (fields == null || !fields.containsKey("status")) {
            return Optional.empty();
        }
        return Optional.of(new StoredStatus(fields.get("status"), Long.parseLong(fields.getOrDefault("version", "0")),
                Instant.ofEpochMilli(Long.parseLong(fields.getOrDefault("at", "0"))), fields.get("note")));
    }
}
