package io.feedbackbot.server.integrations;

import io.feedbackbot.redis.LuaScript;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XClaimParams;
import redis.clients.jedis.params.XPendingParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamConsumerInfo;
import redis.clients.jedis.resps.StreamEntry;
import redis.clients.jedis.resps.StreamPendingEntry;

/**
 * One webhook's consumer group on one source stream: the Redis side of at-least-once delivery. An entry stays
 * pending in the group until it is acknowledged after a 2xx or dead-lettered; a node that dies leaves its
 * entries pending, and another node takes them over once they have been idle long enough. The delivery count
 * Redis keeps per entry is the attempt number: every attempt is preceded by exactly one delivery (read, retry
 * claim or take-over), so the count survives a crash.
 */
final class StreamGroup {

    static final int DEAD_LETTERS_KEPT = 10_000;
    private static final LuaScript DEAD_LETTER = LuaScript.load(StreamGroup.class, "dead_letter.lua");

    private final UnifiedJedis redis;
    private final EventSource source;
    private final String group;
    private final String consumer;
    private boolean created;

    StreamGroup(UnifiedJedis redis, EventSource source, String webhook, String consumer) {
        this.redis = redis;
        this.source = source;
        this.group = "webhook:" + webhook;
        this.consumer = consumer;
    }

    EventSource source() {
        return source;
    }

    /** The dead-letter stream, under the source stream's hash tag. */
    String deadLetters() {
        String stream = source.stream();
        int close = stream.indexOf('}');
        return (close < 0 ? stream : stream.substring(0, close + 1)) + ":" + group + ":dead";
    }

    /** Creates the group at the stream's end (a new webhook gets events from now on); idempotent. */
    void ensure() {
        if (created) {
            return;
        }
        try {
            redis.xgroupCreate(source.stream(), group, StreamEntryID.LAST_ENTRY, true);
        } catch (JedisDataException e) {
            if (e.getMessage() == null || !e.getMessage().startsWith("BUSYGROUP")) {
                throw e;
            }
        }
        created = true;
    }

    /** Entries never delivered to any consumer of the group; each now has delivery count 1. */
    List<StreamEntry> readNew(int count) {
        try {
            List<Map.Entry<String, List<StreamEntry>>> read = redis.xreadGroup(group, consumer,
                    XReadGroupParams.xReadGroupParams().count(count), Map.of(source.stream(), StreamEntryID.UNRECEIVED_ENTRY));
            return read == null || read.isEmpty() ? List.of() : read.get(0).getValue();
        } catch (JedisDataException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("NOGROUP")) {
                created = false;
                return List.of();
            }
            throw e;
        }
    }

    /** Entries other consumers left idle longer than {@code idle} (their node died), with their delivery counts. */
    List<Claimed> takeOver(Duration idle, int count) {
        Map.Entry<StreamEntryID, List<StreamEntry>> claimed = redis.xautoclaim(source.stream(), group, consumer,
                idle.toMillis(), new StreamEntryID(0, 0), XAutoClaimParams.xAutoClaimParams().count(count));
        List<Claimed> out = new ArrayList<>();
        for (StreamEntry entry : claimed.getValue()) {
            if (entry == null || entry.getFields() == null) {
                continue;
            }
            List<StreamPendingEntry> pending = redis.xpending(source.stream(), group, XPendingParams.xPendingParams(
                    entry.getID(), entry.getID(), 1));
            out.add(new Claimed(entry, pending.isEmpty() ? 1 : (int) pending.get(0).getDeliveredTimes()));
        }
        return out;
    }

    /** Claims an entry again before a retry (one more delivery); null if it is gone from the stream. */
    StreamEntry claimForRetry(String id) {
        List<StreamEntry> entries = redis.xclaim(source.stream(), group, consumer, 0, XClaimParams.xClaimParams(),
                new StreamEntryID(id));
        return entries.isEmpty() || entries.get(0) == null || entries.get(0).getFields() == null ? null : entries.get(0);
    }

    /** Resets the idle time of entries waiting for a retry, so no other node takes them over meanwhile. */
    void touch(List<String> ids) {
        if (!ids.isEmpty()) {
            redis.xclaimJustId(source.stream(), group, consumer, 0, XClaimParams.xClaimParams(),
                    ids.stream().map(StreamEntryID::new).toArray(StreamEntryID[]::new));
        }
    }

    void ack(String id) {
        redis.xack(source.stream(), group, new StreamEntryID(id));
    }

    /** Records the event as undeliverable and acknowledges it, in one step. */
    void deadLetter(String id, String eventId, int attempts, String reason) {
        DEAD_LETTER.eval(redis, List.of(source.stream(), deadLetters()), List.of(group, id,
                Integer.toString(DEAD_LETTERS_KEPT), "entry", id, "event", eventId == null ? "" : eventId,
                "attempts", Integer.toString(attempts), "reason", reason, "at", Long.toString(System.currentTimeMillis())));
    }

    long pending() {
        try {
            return redis.xpending(source.stream(), group).getTotal();
        } catch (JedisDataException e) {
            return 0;
        }
    }

    long deadLettered() {
        return redis.xlen(deadLetters());
    }

    /** Forgets consumers (past processes) that hold nothing and have been idle for {@code idle}. */
    void forgetIdleConsumers(Duration idle) {
        for (StreamConsumerInfo info : redis.xinfoConsumers2(source.stream(), group)) {
            if (info.getPending() == 0 && info.getIdle() > idle.toMillis() && !info.getName().equals(consumer)) {
                redis.xgroupDelConsumer(source.stream(), group, info.getName());
            }
        }
    }

    /** An entry taken over from another consumer, and how many times it has been delivered. */
    record Claimed(StreamEntry entry, int deliveries) {
    }
}
