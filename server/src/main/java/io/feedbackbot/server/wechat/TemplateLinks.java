package io.feedbackbot.server.wechat;

import io.feedbackbot.core.conversation.ConversationKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;

/**
 * Links a template message's msgid (what {@code message/template/send} answered) to the delivery it carried and
 * that delivery's attributes, until {@code TEMPLATESENDJOBFINISH} names the msgid. A link is taken once: of
 * WeChat's retries of that event, only the one whose delete removed the link reports it. Blocking.
 */
final class TemplateLinks {

    /** WeChat reports within minutes; a week covers outages on either side. */
    static final Duration TTL = Duration.ofDays(7);
    private static final String LINK = """
            redis.call('HSET', KEYS[1], unpack(ARGV, 2))
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            return 1""";
    private static final String DELIVERY_ID = "deliveryId";
    private static final String ATTRIBUTE = "attr.";

    /** A linked delivery. */
    record Link(String deliveryId, Map<String, String> attributes) {
    }

    private final UnifiedJedis redis;
    private final WechatKeys keys;

    TemplateLinks(UnifiedJedis redis, WechatKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    void link(ConversationKey to, long templateMsgId, String deliveryId, Map<String, String> attributes) {
        List<String> args = new ArrayList<>(List.of(Long.toString(TTL.toMillis()), DELIVERY_ID, deliveryId));
        attributes.forEach((k, v) -> {
            args.add(ATTRIBUTE + k);
            args.add(v);
        });
        redis.eval(LINK, List.of(keys.templateLink(to, templateMsgId)), args);
    }

    /** The linked delivery, removed so that it is reported once; empty when unknown or already taken. */
    Optional<Link> take(ConversationKey from, long templateMsgId) {
        String key = keys.templateLink(from, templateMsgId);
        Map<String, String> fields = redis.hgetAll(key);
        if (fields.isEmpty() || !fields.containsKey(DELIVERY_ID) || redis.del(key) != 1) {
            return Optional.empty();
        }
        Map<String, String> attributes = new HashMap<>();
        fields.forEach((k, v) -> {
            if (k.startsWith(ATTRIBUTE)) {
                attributes.put(k.substring(ATTRIBUTE.length()), v);
            }
        });
        return Optional.of(new Link(fields.get(DELIVERY_ID), attributes));
    }
}
