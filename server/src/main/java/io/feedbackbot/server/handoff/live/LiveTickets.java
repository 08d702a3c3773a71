package io.feedbackbot.server.handoff.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackbot.core.ticket.Ticket;
import io.feedbackbot.redis.RedisKeys;
import io.feedbackbot.redis.pubsub.RedisSubscription;
import io.feedbackbot.server.http.Responses;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;

/**
 * Announces ticket changes to every node ({@code fb:tickets:live} pub/sub) so each pushes them to the consoles it
 * holds. An announcement names only the ticket and its queues; receivers read the ticket itself. Pub/sub may drop
 * an announcement when a node reconnects: consoles get a full snapshot whenever they (re)connect.
 */
public final class LiveTickets implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LiveTickets.class);

    private final UnifiedJedis redis;
    private final String channel;
    private RedisSubscription subscription;

    public LiveTickets(UnifiedJedis redis, RedisKeys keys) {
        this.redis = redis;
        this.channel = keys.global("tickets:live");
    }

    /**
     * Announces that {@code ticket} changed ({@code created}, {@code claimed}, {@code transferred}, {@code escalated},
     * {@code resolved}, {@code closed}, {@code note}, {@code message}, {@code follow_up}); never throws.
     */
    public void changed(String event, Ticket ticket, String previousQueue) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("event", event);
        body.put("ticketId", ticket.id());
        body.put("queue", ticket.queue());
        if (previousQueue != null && !previousQueue.equals(ticket.queue())) {
            body.put("previousQueue", previousQueue);
        }
        try {
            redis.publish(channel, Responses.JSON.writeValueAsString(body));
        } catch (JsonProcessingException | RuntimeException e) {
            log.warn("could not announce {} of ticket {}: {}", event, ticket.id(), e.toString());
        }
    }

    /** Starts hearing announcements from every node. */
    public void listen(Consumer<Announcement> listener) {
        subscription = RedisSubscription.start(redis, channel, "tickets-live", message -> {
            try {
                JsonNode node = Responses.JSON.readTree(message);
                listener.accept(new Announcement(node.path("event").asText(), node.path("ticketId").asText(),
                        node.path("queue").asText(), node.hasNonNull("previousQueue")
                        ? node.get("previousQueue").asText() : null));
            } catch (JsonProcessingException e) {
                log.warn("unreadable ticket announcement: {}", e.getOriginalMessage());
            }
        });
    }

    public boolean listening() {
        return subscription != null && subscription.isSubscribed();
    }

    @Override
    public void close() {
        if (subscription != null) {
            subscription.close();
        }
    }

    /** One announcement. */
    public record Announcement(String event, String ticketId, String queue, String previousQueue) {
    }
}
