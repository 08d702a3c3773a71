package io.feedbackbot.redis.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedbackbot.core.conversation.ConversationKey;
import io.feedbackbot.core.store.TranscriptLine;
import io.feedbackbot.core.store.Transcripts;
import io.feedbackbot.redis.LuaScript;
import io.feedbackbot.redis.RedisKeys;
import io.feedbackbot.redis.pubsub.RedisSubscription;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;

/**
 * Transcripts as the conversation store's commit script writes them: a capped list of JSON lines and a counter of
 * every line ever added, under the conversation's hash tag; new lines of conversations with people are announced on
 * the transcript channel. A line's number is the counter minus the lines after it.
 */
public final class RedisTranscripts implements Transcripts {

    private static final Logger log = LoggerFactory.getLogger(RedisTranscripts.class);

    private final UnifiedJedis redis;
    private final RedisKeys keys;
    private final LuaScript read = LuaScript.load("transcript_read");
    private final ObjectMapper json = new ObjectMapper();

    public RedisTranscripts(UnifiedJedis redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    @Override
    public List<Numbered> read(ConversationKey key, long afterSeq) {
        List<?> reply = (List<?>) read.eval(redis, List.of(keys.conversation(key, "transcript"),
                keys.conversation(key, "transcript-seq")), List.of());
        long newest = ((Number) reply.get(0)).longValue();
        int count = reply.size() - 1;
        List<Numbered> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long seq = newest - count + 1 + i;
            if (seq > afterSeq) {
                TranscriptLine line = parse((String) reply.get(i + 1));
                if (line != null) {
                    out.add(new Numbered(seq, line));
                }
            }
        }
        return out;
    }

    private TranscriptLine parse(String text) {
        try {
            JsonNode node = json.readTree(text);
            return new TranscriptLine(node.path("from").asText("bot"), node.path("text").asText(""),
                    Instant.ofEpochMilli(node.path("at").asLong()));
        } catch (IOException | RuntimeException e) {
            log.warn("unreadable transcript line skipped: {}", e.toString());
            return null;
        }
    }

    @Override
    public AutoCloseable subscribe(Consumer<ConversationKey> listener) {
        return RedisSubscription.start(redis, keys.transcriptChannel(), "transcript-subscriber",
                message -> listener.accept(ConversationKey.parse(message)));
    }
}
