package io.feedbackbot.server.campaign.tracking;

import io.feedbackbot.core.outbound.Delivery;
import io.feedbackbot.core.outbound.DeliveryOutcome;
import io.feedbackbot.core.outbound.OutboundSender;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Wraps a channel's sender for campaigns: a campaign message carries its purpose in its attributes
 * ({@code purpose=invitation|reminder|conversation|agent}), so delivery callbacks can tell the invitation from
 * reminders, and a reminder the provider accepted counts its recipient as reminded. Sends exactly what it is given
 * otherwise; at most once per delivery id stays the wrapped sender's promise.
 */
public final class CountingSender implements OutboundSender {

    public static final String PURPOSE = "purpose";

    private final OutboundSender sender;
    private final CampaignMarks marks;

    public CountingSender(OutboundSender sender, CampaignMarks marks) {
        this.sender = sender;
        this.marks = marks;
    }

    @Override
    public DeliveryOutcome deliver(Delivery delivery) {
        if (delivery.attributes().get("campaignId") == null) {
            return sender.deliver(delivery);
        }
        Map<String, String> attributes = new HashMap<>(delivery.attributes());
        attributes.put(PURPOSE, delivery.purpose().name().toLowerCase(Locale.ROOT));
        DeliveryOutcome outcome = sender.deliver(new Delivery(delivery.deliveryId(), delivery.to(), delivery.text(),
                delivery.purpose(), attributes));
        if (delivery.purpose() == Delivery.Purpose.REMINDER && outcome instanceof DeliveryOutcome.Sent) {
            marks.mark(delivery.attributes().get("invitationId"),
                    io.feedbackbot.redis.campaign.CampaignTally.Kind.REMINDED, "reminders");
        }
        return outcome;
    }
}
