package io.feedbackbot.redis.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.feedbackbot.core.conversation.ConversationKey;
import io.feedbackbot.core.store.Transcripts;
import io.feedbackbot.redis.RedisKeys;
import io.feedbackbot.redis.testing.TestRedis;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

class RedisTranscriptsTest {

    private static final ConversationKey KEY = new ConversationKey("webchat", "demo", "u-1");

    private final UnifiedJedis redis = TestRedis.client();
    private final RedisKeys keys = TestRedis.freshKeys();
    private final RedisTranscripts transcripts = new RedisTranscripts(redis, keys);

    private void append(int from, int to) {
        for (int i = from; i <= to; i++) {
            redis.rpush(keys.conversation(KEY, "transcript"), "{\"from\":\"customer\",\"text\":\"line " + i
                    + "\",\"at\":" + (1_700_000_000_000L + i) + "}");
            redis.ltrim(keys.conversation(KEY, "transcript"), -100, -1);
            redis.incr(keys.conversation(KEY, "transcript-seq"));
        }
    }

    private List<String> texts(long after) {
        return transcripts.read(KEY, after).stream().map(n -> n.line().text()).toList();
    }

    @Test
    void aReaderResumesAfterTheLastNumberItSawEvenOnceTheListIsTrimmed() {
        append(1, 3);
        List<Transcripts.Numbered> first = transcripts.read(KEY, 0);
        assertEquals(List.of(1L, 2L, 3L), first.stream().map(Transcripts.Numbered::seq).toList());

        append(4, 150);

        List<Transcripts.Numbered> rest = transcripts.read(KEY, 148);
        assertEquals(List.of("line 149", "line 150"), rest.stream().map(n -> n.line().text()).toList());
        assertEquals(150L, rest.get(1).seq());
        assertEquals(100, texts(3).size(), "only the kept lines");
    }
}
