package io.feedbackbot.server.sms;

import io.feedbackbot.core.conversation.ConversationKey;
import io.feedbackbot.redis.LuaScript;
import io.feedbackbot.redis.RedisKeys;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import redis.clients.jedis.UnifiedJedis;

/**
 * Decides once per inbound MessageSid whether its replies go out as TwiML or through the REST API: the first
 * claim wins ({@code SET NX} in one script), and every later claim learns the winner. A webhook that missed its
 * deadline claims {@link ReplyMode#ASYNC} before sending through the API; a provider retry claims
 * {@link ReplyMode#TWIML} before repeating the replies in its answer. So a retry racing a late original can never
 * make the customer get the replies both ways. The key sits under the conversation's hash tag and expires after
 * {@code ttl} (provider retries come within minutes).
 */
public final class RedisReplyModes {

    private static final LuaScript CLAIM = LuaScript.of("sms_reply_mode", """
            local current = redis.call('GET', KEYS[1])
            if current then
              return current
            end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            return ARGV[1]
            """);

    private final UnifiedJedis redis;
    private final RedisKeys keys;
    private final Duration ttl;

    public RedisReplyModes(UnifiedJedis redis, RedisKeys keys, Duration ttl) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
    }

    /** Claims {@code wanted} for the message; returns the mode that holds now (the earlier claim's, if any). */
    public ReplyMode claim(ConversationKey conversation, String messageSid, ReplyMode wanted) {
        Object winner = CLAIM.eval(redis, List.of(keys.conversation(conversation, "sms-reply:" + messageSid)),
                List.of(wanted.wire(), Long.toString(ttl.toMillis())));
        return ReplyMode.fromWire(String.valueOf(winner));
    }
}
