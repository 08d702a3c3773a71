package io.feedbackbot.server.sms;

import java.util.Map;
import java.util.Objects;

/**
 * What an outbound SMS the provider accepted belongs to, kept by its provider sid so that a status callback
 * (which names only the sid) can be reported with the delivery's attributes.
 *
 * @param deliveryId the engine's delivery id, or the reply id of an asynchronous webhook reply
 * @param account    the SMS account it was sent from
 * @param segments   segments billed for it, as counted when it was sent
 * @param attributes survey, invitation, campaign and context, as the delivery carried them
 */
public record SentMessage(String deliveryId, String account, int segments, Map<String, String> attributes) {

    public SentMessage {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(account, "account");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
