package io.feedbackbot.redis.ticket;

import io.feedbackbot.core.ticket.Deadlines;
import io.feedbackbot.core.ticket.Ticket;
import io.feedbackbot.core.ticket.TicketStatus;
import io.feedbackbot.redis.RedisKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.Tuple;

/**
 * The ticket indexes, all under the {@code {tickets}} hash tag: per status, per queue and status (scored by the
 * opening time while active, by the end time once ended), per agent for claimed tickets, the known queues, and the
 * deadlines (scored by the due
 * time of tickets that can still escalate). Derived from the tickets: {@link #reindex} puts one ticket where it
 * belongs, idempotently, and readers drop entries that no longer match.
 */
final class RedisTicketIndex {

    private final UnifiedJedis redis;
    private final RedisKeys keys;

    RedisTicketIndex(UnifiedJedis redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    String byStatus(TicketStatus status) {
        return keys.global("{tickets}:s:" + status.id());
    }

    String byQueue(String queue, TicketStatus status) {
        return keys.global("{tickets}:q:" + queue + ":" + status.id());
    }

    String byAssignee(String agent) {
        return keys.global("{tickets}:a:" + agent);
    }

    String queues() {
        return keys.global("{tickets}:queues");
    }

    String deadlines() {
        return keys.global("{tickets}:deadlines");
    }

    /**
     * Puts the ticket in the sets of its status and queue (leaving its earlier ones), of its agent while claimed, and
     * in the deadlines.
     */
    void reindex(Ticket ticket, String previousQueue, String previousAssignee) {
        double score = (ticket.status().isFinal() && ticket.times().endedAt() != null ? ticket.times().endedAt()
                : ticket.times().createdAt()).toEpochMilli();
        try (AbstractPipeline p = redis.pipelined()) {
            for (TicketStatus s : TicketStatus.values()) {
                if (s != ticket.status()) {
                    p.zrem(byStatus(s), ticket.id());
                    p.zrem(byQueue(ticket.queue(), s), ticket.id());
                }
                if (previousQueue != null && !previousQueue.equals(ticket.queue())) {
                    p.zrem(byQueue(previousQueue, s), ticket.id());
                }
            }
            if (previousAssignee != null && (!previousAssignee.equals(ticket.assignee())
                    || ticket.status() != TicketStatus.CLAIMED)) {
                p.zrem(byAssignee(previousAssignee), ticket.id());
            }
            if (ticket.status() == TicketStatus.CLAIMED && ticket.assignee() != null) {
                p.zadd(byAssignee(ticket.assignee()), score, ticket.id());
            }
            p.zadd(byStatus(ticket.status()), score, ticket.id());
            p.zadd(byQueue(ticket.queue(), ticket.status()), score, ticket.id());
            p.sadd(queues(), ticket.queue());
            Instant due = ticket.activeDue();
            if (due != null && Deadlines.canEscalate(ticket)) {
                p.zadd(deadlines(), due.toEpochMilli(), ticket.id());
            } else {
                p.zrem(deadlines(), ticket.id());
            }
            p.sync();
        }
    }

    /** The newest ids of these sets together, with the set each came from, at most {@code limit}. */
    List<Entry> newest(List<String> sets, int limit) {
        List<Entry> all = new ArrayList<>();
        for (String set : sets) {
            for (Tuple t : redis.zrevrangeWithScores(set, 0, limit - 1)) {
                all.add(new Entry(set, t.getElement(), t.getScore()));
            }
        }
        all.sort((a, b) -> Double.compare(b.score(), a.score()));
        return all.size() > limit ? all.subList(0, limit) : all;
    }

    void drop(String set, String id) {
        redis.zrem(set, id);
    }

    List<String> due(Instant now, int limit) {
        return redis.zrangeByScore(deadlines(), "-inf", Long.toString(now.toEpochMilli()), 0, limit);
    }

    void forgetDeadline(String id) {
        redis.zrem(deadlines(), id);
    }

    /** Drops ended tickets that ended before {@code endedBefore} from every index. */
    void trim(Instant endedBefore) {
        String max = "(" + endedBefore.toEpochMilli();
        Set<String> known = redis.smembers(queues());
        for (TicketStatus s : List.of(TicketStatus.RESOLVED, TicketStatus.CLOSED)) {
            redis.zremrangeByScore(byStatus(s), "-inf", max);
            for (String queue : known) {
                redis.zremrangeByScore(byQueue(queue, s), "-inf", max);
            }
        }
    }

    /** An index entry. */
    record Entry(String set, String id, double score) {
    }
}
