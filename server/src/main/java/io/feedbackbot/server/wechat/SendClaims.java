package io.feedbackbot.server.wechat;

import io.feedbackbot.core.outbound.Delivery;
import java.time.Duration;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * The WeChat sender's at-most-once guard: a claim per delivery id in Redis, taken before WeChat is called (the
 * first node to claim sends; anyone later, after a crash or on another node, finds it and sends nothing). Claims
 * live as long as a conversation can be replayed from its stored state. Blocking.
 */
final class SendClaims {

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
}
