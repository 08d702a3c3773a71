package io.feedbackbot.redis.ticket;

import io.feedbackbot.core.ticket.Ticket;
import io.feedbackbot.core.ticket.TicketEvent;
import io.feedbackbot.redis.RedisKeys;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.XAddParams;

/**
 * Every work order's events in one stream, {@code fb:{tickets}:events} (fields {@code id}, {@code type},
 * {@code json}, {@code at} in epoch ms), for readers outside the hand-off such as outbound webhooks. Appended right
 * after the change is stored: the ticket and this stream live under different hash tags, so one script cannot
 * write both on Redis Cluster, and a node that dies in between loses that one feed entry (the ticket's own event
 * list still has it). Kept to about {@link #MAX_LENGTH} entries.
 */
final class TicketFeed {

    static final long MAX_LENGTH = 1_000_000;
    private static final Logger log = LoggerFactory.getLogger(TicketFeed.class);

    private final UnifiedJedis redis;
    private final String stream;

    TicketFeed(UnifiedJedis redis, RedisKeys keys) {
        this.redis = redis;
        this.stream = keys.global("{tickets}:events");
    }

    /** Appends {@code event} of {@code ticket} (as it is after the event); a failure is logged, not thrown. */
    void append(Ticket ticket, TicketEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ticket.status().id());
        body.put("queue", ticket.queue());
        body.put("assignee", ticket.assignee());
        body.put("level", ticket.level());
        body.put("priority", ticket.origin().priority());
        body.put("reason", ticket.origin().reason());
        body.put("surveyId", ticket.origin().surveyId());
        body.put("invitationId", ticket.origin().invitationId());
        body.put("store", ticket.origin().store());
        body.put("touchpoint", ticket.origin().touchpoint());
        body.put("by", event.by());
        body.put("details", event.details());
        try {
            redis.xadd(stream, XAddParams.xAddParams().id(StreamEntryID.NEW_ENTRY).maxLen(MAX_LENGTH)
                    .approximateTrimming(), Map.of("id", ticket.id(), "type", event.type(),
                    "json", TicketFields.json(body), "at", Long.toString(event.at().toEpochMilli())));
        } catch (RuntimeException e) {
            log.warn("ticket {} event {} not added to {}: {}", ticket.id(), event.type(), stream, e.toString());
        }
    }
}
