package io.feedbackbot.redis.answer;

import io.feedbackbot.redis.RedisKeys;
import java.time.Instant;
import java.util.Collection;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.XTrimParams;

/**
 * The trim rule of the answer streams: entries older than the retention are removed ({@code XTRIM MINID}).
 * Stream ids start with the time the entry was stored, so this keeps exactly the answers newer than the cut.
 * Safe to run on every node at any time.
 */
public final class AnswerRetention {

    private final UnifiedJedis redis;
    private final RedisKeys keys;

    public AnswerRetention(UnifiedJedis redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    /** Removes the answers and milestones of these surveys stored before {@code cut}; returns how many. */
    public long trimBefore(Collection<String> surveyIds, Instant cut) {
        long removed = 0;
        String minId = Long.toString(cut.toEpochMilli());
        for (String survey : surveyIds) {
            for (String part : new String[] {"answers", "events"}) {
                removed += redis.xtrim(keys.survey(survey, part), XTrimParams.xTrimParams().minId(minId));
            }
        }
        return removed;
    }
}
