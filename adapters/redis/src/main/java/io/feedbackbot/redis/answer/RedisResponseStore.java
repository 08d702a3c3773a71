package io.feedbackbot.redis.answer;

import io.feedbackbot.core.answer.AnswerRecord;
import io.feedbackbot.core.answer.ResponseStore;
import io.feedbackbot.redis.RedisKeys;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.StreamEntry;

/** Reads answers from each survey's stream ({@code fb:{survey:<id>}:answers}); the cursor is the stream entry id. */
public final class RedisResponseStore implements ResponseStore {

    private final UnifiedJedis redis;
    private final RedisKeys keys;

    public RedisResponseStore(UnifiedJedis redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    @Override
    public Page page(String surveyId, String cursor, int limit) {
        String from = cursor == null || cursor.isBlank() ? "-" : "(" + cursor;
        List<StreamEntry> entries = redis.xrange(keys.survey(surveyId, "answers"), from, "+", limit);
        List<AnswerRecord> answers = new ArrayList<>(entries.size());
        List<String> cursors = new ArrayList<>(entries.size());
        for (StreamEntry entry : entries) {
            answers.add(AnswerStreamCodec.answer(surveyId, entry.getFields()));
            cursors.add(entry.getID().toString());
        }
        String next = entries.size() < limit ? null : entries.get(entries.size() - 1).getID().toString();
        return new Page(answers, next, cursors);
    }
}
