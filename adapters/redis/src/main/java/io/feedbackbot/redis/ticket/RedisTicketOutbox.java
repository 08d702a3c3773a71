package io.feedbackbot.redis.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedbackbot.core.conversation.CollectedAnswer;
import io.feedbackbot.core.conversation.ConversationKey;
import io.feedbackbot.core.store.TicketRequest;
import io.feedbackbot.core.store.TicketUpdate;
import io.feedbackbot.core.ticket.TicketOutbox;
import io.feedbackbot.redis.RedisKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.params.XTrimParams;
import redis.clients.jedis.resps.StreamConsumerInfo;
import redis.clients.jedis.resps.StreamEntry;
import redis.clients.jedis.resps.StreamGroupInfo;
import redis.clients.jedis.resps.StreamPendingSummary;

/**
 * The engine's ticket streams ({@code fb:{tickets}:requests} and {@code fb:{tickets}:updates}, one hash tag so one
 * XREADGROUP reads both) read through one consumer group, {@code ticketing}. Entries are acknowledged only when
 * {@linkplain #done done}; entries a dead consumer left pending are taken over with XAUTOCLAIM. Trimming never drops
 * an entry that is still pending or not yet delivered, and forgets consumers (stopped nodes) idle for a day with
 * nothing pending.
 */
public final class RedisTicketOutbox implements TicketOutbox {

    static final String GROUP = "ticketing";
    /** A consumer idle this long with nothing pending was a node that stopped; it is forgotten. */
    static final Duration GONE_AFTER = Duration.ofDays(1);

    private final UnifiedJedis redis;
    private final String requests;
    private final String updates;
    private final ObjectMapper json = new ObjectMapper();
    /** The streams whose group exists; a stream gets its group once the engine wrote its first entry. */
    private final Set<String> ready = ConcurrentHashMap.newKeySet();

    public RedisTicketOutbox(UnifiedJedis redis, RedisKeys keys) {
        this.redis = redis;
        this.requests = keys.global("{tickets}:requests");
        this.updates = keys.global("{tickets}:updates");
    }

    /**
     * Creates the group of each stream that exists (reading it from its first entry), so that an idle deployment
     * writes nothing to Redis until there is something to read.
     */
    private List<String> readyStreams() {
        if (ready.size() < 2) {
            for (String stream : List.of(requests, updates)) {
                if (!ready.contains(stream) && redis.exists(stream)) {
                    try {
                        redis.xgroupCreate(stream, GROUP, new StreamEntryID(0, 0), false);
                    } catch (JedisDataException e) {
                        if (!String.valueOf(e.getMessage()).startsWith("BUSYGROUP")) {
                            throw e;
                        }
                    }
                    ready.add(stream);
                }
            }
        }
        return List.of(requests, updates).stream().filter(ready::contains).toList();
    }

    @Override
    public List<Entry> next(String consumer, Duration block, int count) {
        List<String> readable = readyStreams();
        if (readable.isEmpty()) {
            pause(block);
            return List.of();
        }
        // with one stream still missing, block briefly so its first entry is noticed soon
        Duration wait = readable.size() < 2 ? Duration.ofMillis(Math.min(block.toMillis(), 200)) : block;
        XReadGroupParams params = XReadGroupParams.xReadGroupParams().count(count).block((int) wait.toMillis());
        Map<String, StreamEntryID> streams = new LinkedHashMap<>();
        readable.forEach(s -> streams.put(s, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
        List<Map.Entry<String, List<StreamEntry>>> read;
        try {
            read = redis.xreadGroup(GROUP, consumer, params, streams);
        } catch (JedisDataException e) {
            if (String.valueOf(e.getMessage()).startsWith("NOGROUP")) {
                ready.clear();
                return List.of();
            }
            throw e;
        }
        List<Entry> out = new ArrayList<>();
        if (read != null) {
            for (Map.Entry<String, List<StreamEntry>> stream : read) {
                stream.getValue().forEach(e -> out.add(entry(stream.getKey(), e)));
            }
        }
        return out;
    }

    @Override
    public List<Entry> abandoned(String consumer, Duration minIdle, int count) {
        List<Entry> out = new ArrayList<>();
        for (String stream : readyStreams()) {
            Map.Entry<StreamEntryID, List<StreamEntry>> claimed = redis.xautoclaim(stream, GROUP, consumer,
                    minIdle.toMillis(), new StreamEntryID(0, 0), XAutoClaimParams.xAutoClaimParams().count(count));
            for (StreamEntry e : claimed.getValue()) {
                if (e != null) {
                    out.add(entry(stream, e));
                }
            }
        }
        return out;
    }

    @Override
    public void done(Entry entry) {
        String stream = entry instanceof Requested ? requests : entry instanceof Updated ? updates
                : ((Unreadable) entry).stream();
        redis.xack(stream, GROUP, new StreamEntryID(entry.entryId()));
    }

    @Override
    public void trim(Instant before) {
        for (String stream : readyStreams()) {
            StreamEntryID keepFrom = new StreamEntryID(before.toEpochMilli(), 0);
            StreamPendingSummary pending = redis.xpending(stream, GROUP);
            if (pending.getTotal() > 0 && pending.getMinId() != null && pending.getMinId().compareTo(keepFrom) < 0) {
                keepFrom = pending.getMinId();
            }
            for (StreamGroupInfo group : redis.xinfoGroups(stream)) {
                StreamEntryID delivered = group.getLastDeliveredId();
                StreamEntryID next = new StreamEntryID(delivered.getTime(), delivered.getSequence() + 1);
                if (group.getName().equals(GROUP) && next.compareTo(keepFrom) < 0) {
                    keepFrom = next;
                }
            }
            redis.xtrim(stream, XTrimParams.xTrimParams().minId(keepFrom.toString()).approximateTrimming());
            for (StreamConsumerInfo consumer : redis.xinfoConsumers2(stream, GROUP)) {
                if (consumer.getPending() == 0 && consumer.getIdle() > GONE_AFTER.toMillis()) {
                    redis.xgroupDelConsumer(stream, GROUP, consumer.getName());
                }
            }
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Entry entry(String stream, StreamEntry e) {
        String id = e.getID().toString();
        Instant written = Instant.ofEpochMilli(e.getID().getTime());
        try {
            Map<String, String> f = e.getFields();
            if (stream.equals(requests)) {
                return new Requested(id, written, request(json.readTree(f.get("json"))));
            }
            Map<String, String> fields = new LinkedHashMap<>();
            json.readTree(f.getOrDefault("json", "{}")).fields()
                    .forEachRemaining(x -> fields.put(x.getKey(), x.getValue().asText()));
            return new Updated(id, written, new TicketUpdate(f.get("id"), f.get("event"), fields,
                    Instant.ofEpochMilli(Long.parseLong(f.get("at")))));
        } catch (java.io.IOException | RuntimeException ex) {
            return new Unreadable(id, written, stream, ex.toString());
        }
    }

    private TicketRequest request(JsonNode b) {
        Map<String, String> evidence = strings(b.path("evidence"));
        Map<String, String> context = strings(b.path("context"));
        List<CollectedAnswer> answers = new ArrayList<>();
        for (JsonNode a : b.path("answers")) {
            answers.add(new CollectedAnswer(a.path("question").asText(), a.path("value").asText(), null));
        }
        return new TicketRequest(b.path("ticketId").asText(), ConversationKey.parse(b.path("conversation").asText()),
                b.path("reason").asText(), b.path("priority").asText(), evidence, text(b, "surveyId"),
                text(b, "invitationId"), context, answers, Instant.ofEpochMilli(b.path("at").asLong()));
    }

    private static String text(JsonNode b, String field) {
        return b.hasNonNull(field) ? b.get(field).asText() : null;
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(x -> {
            if (!x.getValue().isNull()) {
                out.put(x.getKey(), x.getValue().asText());
            }
        });
        return out;
    }
}
