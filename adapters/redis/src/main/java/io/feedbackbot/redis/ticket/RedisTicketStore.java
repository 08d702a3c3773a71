package io.feedbackbot.redis.ticket;

import io.feedbackbot.core.ticket.ChangeResult;
import io.feedbackbot.core.ticket.Ticket;
import io.feedbackbot.core.ticket.TicketChange;
import io.feedbackbot.core.ticket.TicketEvent;
import io.feedbackbot.core.ticket.TicketQuery;
import io.feedbackbot.core.ticket.TicketStatus;
import io.feedbackbot.core.ticket.TicketStore;
import io.feedbackbot.redis.LuaScript;
import io.feedbackbot.redis.RedisKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/**
 * Work orders in Redis: a hash per ticket and its event list, both under the ticket's own hash tag
 * ({@code fb:{ticket:<id>}}), created and changed by Lua scripts (create once; compare-and-set per change with the
 * event in the same step). The indexes are updated right after each change; when a node dies in between, readers
 * and the deadline check correct them from the tickets. Ended tickets expire after the retention period.
 */
public final class RedisTicketStore implements TicketStore {

    /** Events kept per ticket (the newest). */
    static final int MAX_EVENTS = 1_000;

    private final UnifiedJedis redis;
    private final RedisKeys keys;
    private final Duration retention;
    private final RedisTicketIndex index;
    private final LuaScript create = LuaScript.load("ticket_create");
    private final LuaScript change = LuaScript.load("ticket_change");

    /** @param retention how long a resolved or closed ticket is kept after it ended */
    public RedisTicketStore(UnifiedJedis redis, RedisKeys keys, Duration retention) {
        this.redis = redis;
        this.keys = keys;
        this.retention = retention;
        this.index = new RedisTicketIndex(redis, keys);
    }

    private String hash(String id) {
        return keys.ticket(id);
    }

    private String events(String id) {
        return keys.ticket(id) + ":events";
    }

    @Override
    public boolean create(Ticket ticket, TicketEvent created) {
        List<String> args = new ArrayList<>();
        args.add(TicketFields.event(created));
        TicketFields.of(ticket).forEach((k, v) -> {
            args.add(k);
            args.add(v);
        });
        boolean fresh = Long.valueOf(1).equals(create.eval(redis, List.of(hash(ticket.id()), events(ticket.id())), args));
        find(ticket.id()).ifPresent(stored -> index.reindex(stored, null, null));
        return fresh;
    }

    @Override
    public Optional<Ticket> find(String id) {
        Map<String, String> fields = redis.hgetAll(hash(id));
        return fields.isEmpty() ? Optional.empty() : Optional.of(TicketFields.from(fields));
    }

    @Override
    public List<TicketEvent> events(String id, int limit) {
        return redis.lrange(events(id), -limit, -1).stream().map(TicketFields::event).toList();
    }

    @Override
    public ChangeResult apply(String id, TicketChange change) {
        ChangeArgs args = ChangeArgs.of(change);
        List<?> reply = (List<?>) this.change.eval(redis, List.of(hash(id), events(id)),
                args.args(TicketFields.event(change.event()), retention, MAX_EVENTS));
        long outcome = ((Number) reply.get(0)).longValue();
        if (outcome < 0) {
            return new ChangeResult.Missing();
        }
        Ticket before = TicketFields.from(fields(reply.get(1)));
        if (outcome == 0) {
            return new ChangeResult.Refused(before);
        }
        Ticket after = TicketFields.from(fields(reply.get(2)));
        index.reindex(after, before.queue(), before.assignee());
        return new ChangeResult.Applied(after);
    }

    @Override
    public List<Ticket> list(TicketQuery query) {
        List<String> sets = new ArrayList<>();
        for (TicketStatus status : query.statuses()) {
            if (query.queues() == null) {
                sets.add(index.byStatus(status));
            } else {
                query.queues().forEach(q -> sets.add(index.byQueue(q, status)));
            }
        }
        if (query.assignedTo() != null && query.statuses().contains(TicketStatus.CLAIMED)) {
            sets.add(index.byAssignee(query.assignedTo()));
        }
        Set<String> ids = new HashSet<>();
        List<RedisTicketIndex.Entry> entries = index.newest(sets, query.limit()).stream()
                .filter(e -> ids.add(e.id())).toList();
        Map<RedisTicketIndex.Entry, Response<Map<String, String>>> loaded = new HashMap<>();
        try (AbstractPipeline p = redis.pipelined()) {
            entries.forEach(e -> loaded.put(e, p.hgetAll(hash(e.id()))));
            p.sync();
        }
        List<Ticket> out = new ArrayList<>();
        for (RedisTicketIndex.Entry e : entries) {
            Map<String, String> fields = loaded.get(e).get();
            if (fields.isEmpty()) {
                index.drop(e.set(), e.id());
                continue;
            }
            Ticket ticket = TicketFields.from(fields);
            boolean where = e.set().equals(index.byStatus(ticket.status()))
                    || e.set().equals(index.byQueue(ticket.queue(), ticket.status()))
                    || ticket.status() == TicketStatus.CLAIMED && ticket.assignee() != null
                    && e.set().equals(index.byAssignee(ticket.assignee()));
            if (!where) {
                index.drop(e.set(), e.id());
                index.reindex(ticket, null, null);
                continue;
            }
            out.add(ticket);
        }
        return out;
    }

    @Override
    public List<String> due(Instant now, int limit) {
        return index.due(now, limit);
    }

    @Override
    public void repairIndex(String id) {
        find(id).ifPresentOrElse(t -> index.reindex(t, null, null), () -> index.forgetDeadline(id));
    }

    @Override
    public void trim(Instant endedBefore) {
        index.trim(endedBefore);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> fields(Object flat) {
        List<Object> list = (List<Object>) flat;
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i + 1 < list.size(); i += 2) {
            out.put(text(list.get(i)), text(list.get(i + 1)));
        }
        return out;
    }

    private static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                : String.valueOf(value);
    }
}
