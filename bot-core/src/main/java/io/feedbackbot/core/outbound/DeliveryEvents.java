package io.feedbackbot.core.outbound;

import java.time.Instant;
import java.util.Map;

/**
 * Hears how deliveries fare after they left: provider status callbacks (SMS delivered / undelivered, WeChat
 * TEMPLATESENDJOBFINISH) reported by the channels, with the delivery's attributes (survey, invitation,
 * campaign, recipient) so that campaigns and reports can count them. Calls must not block.
 */
public interface DeliveryEvents {

    void updated(String deliveryId, Map<String, String> attributes, DeliveryState state, String detail, Instant at);

    DeliveryEvents NONE = (deliveryId, attributes, state, detail, at) -> { };
}
