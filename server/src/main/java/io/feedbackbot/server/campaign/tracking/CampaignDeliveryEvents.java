package io.feedbackbot.server.campaign.tracking;

import io.feedbackbot.core.outbound.DeliveryEvents;
import io.feedbackbot.core.outbound.DeliveryState;
import io.feedbackbot.redis.campaign.CampaignTally;
import java.time.Instant;
import java.util.Map;

/**
 * Where channels report provider delivery callbacks (SMS status callbacks, WeChat TEMPLATESENDJOBFINISH): for a
 * campaign's invitation message, the first final state counts its recipient as delivered, or as undelivered
 * (undelivered and failed alike). Reminders and later questions of the same survey do not count here. Never
 * blocks: the mark is queued.
 */
public final class CampaignDeliveryEvents implements DeliveryEvents {

    private final CampaignMarks marks;

    public CampaignDeliveryEvents(CampaignMarks marks) {
        this.marks = marks;
    }

    @Override
    public void updated(String deliveryId, Map<String, String> attributes, DeliveryState state, String detail,
                        Instant at) {
        if (!state.isFinal() || attributes.get("campaignId") == null) {
            return;
        }
        String purpose = attributes.getOrDefault(CountingSender.PURPOSE, "invitation");
        if (!purpose.equals("invitation")) {
            return;
        }
        marks.mark(attributes.get("invitationId"), state == DeliveryState.DELIVERED ? CampaignTally.Kind.DELIVERED
                : CampaignTally.Kind.UNDELIVERED, "");
    }
}
