package io.feedbackbot.server.wechat;

import io.feedbackbot.core.outbound.Delivery;
import java.time.Duration;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * What the WeChat sender remembers in Redis so that a message goes out at most once: a claim per delivery id,
 * taken before WeChat is called (the first node to claim sends; anyone later, after a crash or on another node,
 * finds it and sends nothing), and the invitations that went out as template messages. Claims live as long as
 * a conversation can be replayed from its stored state. Blocking.
 */
final class SendClaims {

    /** An invitation's opening is sent within seconds; a day is plenty and bounds the key count. */
    private static final Duration INVITED_TTL = Duration.ofDays(1);

    private final UnifiedJedis redis;
    private final WechatKeys keys;
    private final Duration ttl;

    /** @param ttl at least the conversation retention, so a replayed delivery always finds its claim */
    SendClaims(UnifiedJedis redis, WechatKeys keys, Duration ttl) {
        this.redis = redis;
        this.keys = keys;
        this.ttl = ttl;
    }

    /** Claims a delivery; false when it was claimed before (it must not be sent again). */
    boolean claim(Delivery delivery) {
        return "OK".equals(redis.set(keys.sendClaim(delivery.to(), delivery.deliveryId()), "1",
                SetParams.setParams().nx().px(ttl.toMillis())));
    }

    void markInvitedByTemplate(Delivery invitation, String invitationId) {
        redis.set(keys.invitedByTemplate(invitation.to(), invitationId), "1",
                SetParams.setParams().px(INVITED_TTL.toMillis()));
    }

    boolean invitedByTemplate(Delivery delivery, String invitationId) {
        return redis.exists(keys.invitedByTemplate(delivery.to(), invitationId));
    }
}
