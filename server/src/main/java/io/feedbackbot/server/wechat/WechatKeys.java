package io.feedbackbot.server.wechat;

import io.feedbackbot.core.conversation.ConversationKey;
import io.feedbackbot.redis.RedisKeys;

/**
 * Names the Redis keys of the WeChat channel. Everything about one follower lives under that follower's
 * conversation hash tag (so the unsubscribe purge and every claim stay on one Cluster slot); access tokens and
 * their refresh lock share one hash tag per appid.
 */
record WechatKeys(RedisKeys keys) {

    static final String CHANNEL = "wechat";

    static ConversationKey conversation(String account, String openId) {
        return new ConversationKey(CHANNEL, account, openId);
    }

    /** An id that embeds the follower's OpenID (a delivery id, an event's dedupe key), masked for logs. */
    static String masked(ConversationKey key, String id) {
        return id.replace(key.customer(), key.maskedCustomer());
    }

    /** Who answers one inbound message: passively or through the customer-service API. */
    String replyClaim(ConversationKey key, String dedupeKey) {
        return keys.conversation(key, "wx:reply:" + dedupeKey);
    }

    /** The at-most-once claim of one outbound delivery. */
    String sendClaim(ConversationKey key, String deliveryId) {
        String prefix = key.id() + "/";
        String local = deliveryId.startsWith(prefix) ? deliveryId.substring(prefix.length()) : deliveryId;
        return keys.conversation(key, "wx:sent:" + local);
    }

    /** A template message's msgid, linked back to its delivery until TEMPLATESENDJOBFINISH arrives. */
    String templateLink(ConversationKey key, long templateMsgId) {
        return keys.conversation(key, "wx:template:" + templateMsgId);
    }

    /** The follower's customer-service budget. */
    String kefuBudget(ConversationKey key) {
        return keys.conversation(key, "wx:kefu");
    }

    String state(ConversationKey key) {
        return keys.conversation(key, "state");
    }

    String mailbox(ConversationKey key) {
        return keys.conversation(key, "mailbox");
    }

    String optOut(ConversationKey key) {
        return keys.conversation(key, "optout");
    }

    /** An appid's shared access_token (a hash: value, refreshAt, usableUntil). */
    String accessToken(String appId) {
        return keys.global("{wxtoken:" + appId + "}:token");
    }

    /** The lock one node holds while it refreshes an appid's token. */
    String accessTokenLock(String appId) {
        return keys.global("{wxtoken:" + appId + "}:lock");
    }

    /** Set while an account backs off after a quota error (45009, 45011). */
    String quotaBackoff(String account) {
        return keys.global("{wxquota:" + account + "}");
    }
}
