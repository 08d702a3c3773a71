package io.feedbackbot.server.wechat;

import io.feedbackbot.core.conversation.ConversationKey;
import io.feedbackbot.redis.LuaScript;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;

/**
 * The {@link ReplyClaim} of each inbound message in Redis: set once (set-if-absent in one script, so concurrent
 * requests on any nodes agree on one winner), under the follower's hash tag, expiring after WeChat's retries are
 * long over. Blocking: call it off the event loop.
 */
final class ReplyClaims {

    /** WeChat retries three times within about 15 s; a few minutes covers slow nodes too. */
    static final Duration TTL = Duration.ofMinutes(5);

    private static final LuaScript CLAIM = LuaScript.of("wechat_reply_claim", """
            local current = redis.call('GET', KEYS[1])
            if current then
              return current
            end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            return false""");

    private final UnifiedJedis redis;
    private final WechatKeys keys;

    ReplyClaims(UnifiedJedis redis, WechatKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    /** Claims the message for {@code claim}; returns the other request's claim when one was there first. */
    Optional<ReplyClaim> claim(ConversationKey key, String dedupeKey, ReplyClaim claim) {
        Object existing = CLAIM.eval(redis, List.of(keys.replyClaim(key, dedupeKey)),
                List.of(claim.encode(), Long.toString(TTL.toMillis())));
        return existing instanceof String s ? Optional.of(ReplyClaim.decode(s)) : Optional.empty();
    }
}
