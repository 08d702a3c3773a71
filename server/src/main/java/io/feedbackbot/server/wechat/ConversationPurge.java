package io.feedbackbot.server.wechat;

import io.feedbackbot.core.conversation.ConversationKey;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/**
 * WeChat asks developers to delete a follower's data when they unfollow. After the unfollow is stored (the
 * follower is opted out), this deletes the conversation's state, mailbox and customer-service budget in one
 * script, keeping the opt-out flag so a later invitation is declined. It deletes nothing if the follower is no
 * longer opted out (they followed again meanwhile). Blocking.
 */
final class ConversationPurge {

    private static final String PURGE = """
            if redis.call('EXISTS', KEYS[1]) == 0 then
              return -1
            end
            return redis.call('DEL', KEYS[2], KEYS[3], KEYS[4])""";

    private final UnifiedJedis redis;
    private final WechatKeys keys;

    ConversationPurge(UnifiedJedis redis, WechatKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    /** Returns whether the follower was opted out (and so purged). */
    boolean purgeOptedOut(ConversationKey key) {
        Object deleted = redis.eval(PURGE, List.of(keys.optOut(key), keys.state(key), keys.mailbox(key),
                keys.kefuBudget(key)), List.of());
        return !Long.valueOf(-1).equals(deleted);
    }
}
