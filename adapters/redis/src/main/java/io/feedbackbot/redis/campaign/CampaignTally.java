package io.feedbackbot.redis.campaign;

import io.feedbackbot.redis.LuaScript;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.UnifiedJedis;

/**
 * What happens to a campaign's recipients after the send, counted once per recipient however often it is
 * reported: responded (first answer), delivered or failed (first final delivery report), reminded. Each kind has a
 * bitmap with one bit per recipient (by its sequence number, so a million recipients take 125 KB) and a field in the
 * campaign's tally hash; the bit and the count change in one script, which also keeps both keys alive for the
 * retention after their last mark.
 */
public final class CampaignTally {

    /** The kinds of marks, with their bitmap and tally field. */
    public enum Kind {
        RESPONDED("responded", "responded"),
        DELIVERED("dfinal", "delivered"),
        UNDELIVERED("dfinal", "undelivered"),
        REMINDED("reminded", "reminded");

        final String bitmap;
        final String field;

        Kind(String bitmap, String field) {
            this.bitmap = bitmap;
            this.field = field;
        }
    }

    /** One recipient's event. {@code alsoCount} names a field to add one to on every report ('' for none). */
    public record Mark(String campaign, long seq, Kind kind, String alsoCount) {
    }

    private final UnifiedJedis redis;
    private final CampaignKeys keys;
    private final Duration retention;
    private final LuaScript mark = LuaScript.load("campaign_mark");

    /** @param retention how long a campaign's tallies live after their last mark */
    public CampaignTally(UnifiedJedis redis, CampaignKeys keys, Duration retention) {
        this.redis = redis;
        this.keys = keys;
        this.retention = retention;
    }

    /** Applies marks in one pipelined round trip; returns how many counted (were new). */
    public int markAll(List<Mark> marks) {
        List<LuaScript.Queued> queued = new ArrayList<>(marks.size());
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (Mark m : marks) {
                queued.add(mark.queue(pipeline, List.of(keys.campaign(m.campaign(), m.kind().bitmap),
                        keys.campaign(m.campaign(), "tally")), List.of(Long.toString(m.seq()), m.kind().field,
                        m.alsoCount() == null ? "" : m.alsoCount(), Long.toString(retention.toMillis()))));
            }
            pipeline.sync();
        }
        int counted = 0;
        for (LuaScript.Queued q : queued) {
            counted += ((Long) mark.result(redis, q)).intValue();
        }
        return counted;
    }

    public Map<String, Long> tallies(String campaign) {
        Map<String, Long> out = new TreeMap<>();
        redis.hgetAll(keys.campaign(campaign, "tally")).forEach((k, v) -> out.put(k, Long.parseLong(v)));
        return out;
    }
}
