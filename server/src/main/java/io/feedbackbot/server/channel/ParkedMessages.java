package io.feedbackbot.server.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.feedbackbot.core.conversation.ConversationKey;
import io.feedbackbot.core.conversation.Language;
import io.feedbackbot.core.message.InboundContent;
import io.feedbackbot.core.message.InboundMessage;
import io.feedbackbot.redis.RedisKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Messages whose webhook had to be answered before the engine stored them (the provider's reply deadline passed,
 * so the channel answered "success" or empty TwiML and will reply through the API). Such a message is written
 * here before that answer goes out and removed once its late reply was handled, so a 200 still means nothing is
 * lost: when the node that took it dies in between, any node finds it here after a grace period and hands it to
 * the engine again (which recognises a message it already stored by its id).
 */
public final class ParkedMessages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final UnifiedJedis redis;
    private final String stream;

    public ParkedMessages(UnifiedJedis redis, RedisKeys keys) {
        this.redis = redis;
        this.stream = keys.global("{inbound}:parked");
    }

    /** Keeps the message durably; returns the handle to {@link #release} it with. */
    public String park(InboundMessage message) {
        return redis.xadd(stream, StreamEntryID.NEW_ENTRY, Map.of("m", encode(message))).toString();
    }

    public void release(String handle) {
        redis.xdel(stream, new StreamEntryID(handle));
    }

    /**
     * Hands every message parked longer ago than {@code grace} (its node evidently died) to {@code resume} and
     * releases it; returns how many.
     */
    public int recover(Instant now, Duration grace, Consumer<InboundMessage> resume) {
        String before = Long.toString(now.minus(grace).toEpochMilli());
        List<StreamEntry> stale = redis.xrange(stream, "-", before, 100);
        for (StreamEntry entry : stale) {
            resume.accept(decode(entry.getFields().get("m")));
            redis.xdel(stream, entry.getID());
        }
        return stale.size();
    }

    static String encode(InboundMessage m) {
        ObjectNode o = JSON.createObjectNode().put("k", m.key().id()).put("id", m.messageId())
                .put("at", m.receivedAt().toEpochMilli());
        if (m.languageHint() != null) {
            o.put("lang", m.languageHint().tag());
        }
        InboundContent content = m.content();
        if (content instanceof InboundContent.Text text) {
            o.put("text", text.text());
        } else if (content instanceof InboundContent.Media media) {
            o.put("media", media.type());
        } else if (content instanceof InboundContent.Event event) {
            o.put("event", event.event());
            if (event.eventKey() != null) {
                o.put("eventKey", event.eventKey());
            }
        }
        return o.toString();
    }

    static InboundMessage decode(String text) {
        JsonNode o;
        try {
            o = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parked message is not valid JSON", e);
        }
        InboundContent content = o.has("text") ? new InboundContent.Text(o.get("text").asText())
                : o.has("media") ? new InboundContent.Media(o.get("media").asText())
                : new InboundContent.Event(o.get("event").asText(), o.has("eventKey") ? o.get("eventKey").asText() : null);
        return new InboundMessage(ConversationKey.parse(o.get("k").asText()), o.get("id").asText(), content,
                Instant.ofEpochMilli(o.get("at").asLong()),
                o.has("lang") ? Language.fromTag(o.get("lang").asText()).orElse(null) : null);
    }
}
