package io.feedbackbot.redis.campaign;

import io.feedbackbot.redis.RedisKeys;
import java.util.ArrayList;
import java.util.List;

/**
 * Names the keys of campaigns. A campaign's own keys (definition, status, audience report, tallies, bitmaps) share
 * the hash tag {@code {camp:<id>}}; its recipients are split into shards, each shard's keys under
 * {@code {camp:<id>:<shard>}} so that one Lua script changes a shard atomically while the campaign spreads over
 * the cluster. Within a shard, recipients wait in one queue per time-zone group.
 */
public final class CampaignKeys {

    private final RedisKeys keys;

    public CampaignKeys(RedisKeys keys) {
        this.keys = keys;
    }

    /** Every campaign by creation time (sorted set), for listing. */
    public String index() {
        return keys.global("campaigns");
    }

    /** The ids of campaigns that dispatchers look after: scheduled, running, paused, or cancelled and draining. */
    public String active() {
        return keys.global("campaigns:active");
    }

    /** The pub/sub channel announcing status changes ({@code <id>:<version>}). */
    public String events() {
        return keys.global("campaigns:events");
    }

    public String campaign(String id, String part) {
        return keys.prefix() + "{camp:" + id + "}:" + part;
    }

    public String shard(String id, int shard, String part) {
        return keys.prefix() + "{camp:" + id + ":" + shard + "}:" + part;
    }

    public String queue(String id, int shard, int group) {
        return shard(id, shard, "q:" + group);
    }

    /** The queues of groups 0 to {@code groups - 1} in one shard. */
    public List<String> queues(String id, int shard, int groups) {
        List<String> out = new ArrayList<>(groups);
        for (int g = 0; g < groups; g++) {
            out.add(queue(id, shard, g));
        }
        return out;
    }

    /** The token bucket of one channel account, shared by every campaign and node sending on it. */
    public String pace(String channel, String account) {
        return keys.prefix() + "{pace:" + channel + ":" + account + "}";
    }
}
