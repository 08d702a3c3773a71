package io.feedbackbot.redis.mailbox;

import io.feedbackbot.core.conversation.ConversationKey;
import io.feedbackbot.core.outbound.Mailbox;
import io.feedbackbot.redis.RedisKeys;
import io.feedbackbot.redis.pubsub.RedisSubscription;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Web chat mailboxes: a capped stream per conversation (written by the conversation store's commit script) and
 * a pub/sub channel announcing appends to every node, where the chat page's live connection may be.
 */
public final class RedisMailbox implements Mailbox {

    private final UnifiedJedis redis;
    private final RedisKeys keys;

    public RedisMailbox(UnifiedJedis redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    @Override
    public List<Entry> read(ConversationKey key, String cursor, int limit) {
        String from = cursor == null || cursor.isBlank() ? "-" : "(" + cursor;
        List<StreamEntry> entries = redis.xrange(keys.conversation(key, "mailbox"), from, "+", limit);
        List<Entry> out = new ArrayList<>(entries.size());
        for (StreamEntry e : entries) {
            out.add(new Entry(e.getID().toString(), e.getFields().get("text"),
                    Instant.ofEpochMilli(Long.parseLong(e.getFields().get("at")))));
        }
        return out;
    }

    @Override
    public AutoCloseable subscribe(Consumer<ConversationKey> listener) {
        return RedisSubscription.start(redis, keys.mailboxChannel(), "mailbox-subscriber",
                message -> listener.accept(ConversationKey.parse(message)));
    }
}
