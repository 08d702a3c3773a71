package io.feedbackbot.redis;

import io.feedbackbot.core.conversation.ConversationKey;

/**
 * Names every key this service writes. All keys start with one prefix ({@code fb:}); all keys of one
 * conversation share the hash tag {@code {conv:<channel>:<account>:<customer>}} so that they sit on one Redis
 * Cluster slot and change together in one script; all keys of one survey share {@code {survey:<id>}}.
 */
public final class RedisKeys {

    /** How many shards the timer index is split into (spreads it over cluster slots). */
    public static final int TIMER_SHARDS = 16;

    private final String prefix;

    public RedisKeys(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    public String conversation(ConversationKey key, String part) {
        return prefix + "{conv:" + key.id() + "}:" + part;
    }

    public String survey(String surveyId, String part) {
        return prefix + "{survey:" + surveyId + "}:" + part;
    }

    public String timerShard(int shard) {
        return prefix + "{timers:" + shard + "}";
    }

    public String timerShard(ConversationKey key) {
        return timerShard(Math.floorMod(key.id().hashCode(), TIMER_SHARDS));
    }

    public String ticket(String ticketId) {
        return prefix + "{ticket:" + ticketId + "}";
    }

    /** A key outside any conversation or survey ({@code fb:tickets:requests}). */
    public String global(String name) {
        return prefix + name;
    }

    /** The pub/sub channel that announces new mailbox messages (the message is the conversation id). */
    public String mailboxChannel() {
        return prefix + "mailbox";
    }

    /**
     * The pub/sub channel that announces new transcript lines of conversations handed to a person (the message is
     * the conversation id), so the agent's console hears them on whichever node holds its socket.
     */
    public String transcriptChannel() {
        return prefix + "transcript";
    }
}
