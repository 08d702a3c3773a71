package io.feedbackbot.server.wechat;

import io.feedbackbot.core.conversation.ConversationKey;
import io.feedbackbot.core.outbound.DeliveryEvents;
import io.feedbackbot.core.outbound.DeliveryState;
import io.feedbackbot.server.http.Reply;
import io.feedbackbot.wechat.inbound.InboundEvent;
import io.feedbackbot.wechat.inbound.TemplateDeliveryStatus;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands {@code TEMPLATESENDJOBFINISH} to the delivery events: the msgid is mapped back to the delivery that
 * carried it (linked when WeChat accepted the send) and reported once as delivered or failed, with the
 * delivery's attributes. Reports for unknown msgids (older than the link, or sent by something else) are
 * acknowledged and dropped. Blocking.
 */
final class DeliveryReports {

    private static final Logger log = LoggerFactory.getLogger(DeliveryReports.class);

    private final TemplateLinks links;
    private final DeliveryEvents events;

    DeliveryReports(TemplateLinks links, DeliveryEvents events) {
        this.links = links;
        this.events = events;
    }

    Reply finished(ConversationKey follower, InboundEvent.TemplateSendJobFinished report, Instant at) {
        if (report.status() == TemplateDeliveryStatus.UNKNOWN) {
            log.warn("{}: template {} finished with an unknown status '{}'; ignored", follower,
                    report.templateMsgId(), report.rawStatus());
            return ReplyRouting.success();
        }
        DeliveryState state = report.status() == TemplateDeliveryStatus.DELIVERED
                ? DeliveryState.DELIVERED : DeliveryState.FAILED;
        links.take(follower, report.templateMsgId()).ifPresentOrElse(
                link -> events.updated(link.deliveryId(), link.attributes(), state, report.rawStatus(), at),
                () -> log.debug("{}: template {} is not ours or was reported before", follower,
                        report.templateMsgId()));
        return ReplyRouting.success();
    }
}
