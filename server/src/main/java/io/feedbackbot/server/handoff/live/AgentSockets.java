package io.feedbackbot.server.handoff.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackbot.core.conversation.ConversationKey;
import io.feedbackbot.core.store.Transcripts;
import io.feedbackbot.core.ticket.Ticket;
import io.feedbackbot.core.ticket.TicketQuery;
import io.feedbackbot.core.ticket.TicketStatus;
import io.feedbackbot.core.ticket.TicketStore;
import io.feedbackbot.server.handoff.auth.Principal;
import io.feedbackbot.server.handoff.ticket.TicketViews;
import io.feedbackbot.server.http.Responses;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consoles connected to this node over {@code /api/v1/agent/stream}. On connect each gets a snapshot of the
 * active tickets it may see; then every ticket change announced by any node, and the transcript lines of the
 * tickets it watches, read from its own cursor so lines arrive in order and none is missed, whichever node wrote
 * them. Nothing here runs on the event loop except writes, which Netty queues.
 */
public final class AgentSockets implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AgentSockets.class);

    private final TicketStore store;
    private final Transcripts transcripts;
    private final TicketViews views;
    private final Clock clock;
    private final Executor blocking;
    private final Map<Channel, Principal> sockets = new ConcurrentHashMap<>();
    private final Map<ConversationKey, Set<TranscriptWatch>> watchers = new ConcurrentHashMap<>();
    private final Map<Channel, Map<String, TranscriptWatch>> watchesOf = new ConcurrentHashMap<>();
    private final ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "agent-socket-ping");
        t.setDaemon(true);
        return t;
    });
    /** Announcements are pushed one at a time, in the order this node heard them. */
    private final java.util.concurrent.ExecutorService announcer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ticket-announcer");
        t.setDaemon(true);
        return t;
    });
    private AutoCloseable transcriptSubscription;

    public AgentSockets(TicketStore store, Transcripts transcripts, TicketViews views, Clock clock, Executor blocking) {
        this.store = store;
        this.transcripts = transcripts;
        this.views = views;
        this.clock = clock;
        this.blocking = blocking;
    }

    /** Starts hearing ticket announcements and transcript lines from every node. */
    public void start(LiveTickets live) {
        live.listen(a -> announcer.execute(() -> {
            try {
                announced(a);
            } catch (RuntimeException e) {
                log.warn("could not push ticket {} to the consoles: {}", a.ticketId(), e.toString());
            }
        }));
        transcriptSubscription = transcripts.subscribe(key -> {
            Set<TranscriptWatch> set = watchers.get(key);
            if (set != null) {
                set.forEach(TranscriptWatch::catchUp);
            }
        });
        pinger.scheduleAtFixedRate(() -> sockets.keySet().forEach(ch -> ch.writeAndFlush(new PingWebSocketFrame())),
                30, 30, TimeUnit.SECONDS);
    }

    /** A console finished its WebSocket handshake. */
    public void opened(Channel channel, Principal principal) {
        sockets.put(channel, principal);
        watchesOf.put(channel, new ConcurrentHashMap<>());
        blocking.execute(() -> {
            Instant now = clock.instant();
            List<Map<String, Object>> visible = store.list(new TicketQuery(principal.seesAllQueues() ? null
                    : principal.queues(), Set.of(TicketStatus.OPEN, TicketStatus.CLAIMED),
                    principal.seesAllQueues() ? null : principal.name(), 500)).stream()
                    .filter(principal::sees).map(t -> views.summary(t, now)).toList();
            Map<String, Object> snapshot = new LinkedHashMap<>();
            snapshot.put("type", "snapshot");
            snapshot.put("user", principal.name());
            snapshot.put("serverTime", now.toString());
            snapshot.put("nearDeadlineSeconds", views.nearDeadline().toSeconds());
            snapshot.put("tickets", visible);
            send(channel, snapshot);
        });
    }

    /** A message from a console: {@code {"type":"watch","ticketId":…,"after":n}} or {@code unwatch}. */
    public void received(Channel channel, String text) {
        Principal principal = sockets.get(channel);
        if (principal == null) {
            return;
        }
        JsonNode message;
        try {
            message = Responses.JSON.readTree(text);
        } catch (JsonProcessingException e) {
            send(channel, Map.of("type", "error", "message", "not JSON"));
            return;
        }
        String ticketId = message.path("ticketId").asText("");
        switch (message.path("type").asText("")) {
            case "watch" -> blocking.execute(() -> watch(channel, principal, ticketId, message.path("after").asLong(0)));
            case "unwatch" -> unwatch(channel, ticketId);
            default -> send(channel, Map.of("type", "error", "message", "unknown message type"));
        }
    }

    private void watch(Channel channel, Principal principal, String ticketId, long after) {
        Optional<Ticket> ticket = ticketId.matches("[A-Za-z0-9_-]{1,64}") ? store.find(ticketId) : Optional.empty();
        if (ticket.isEmpty() || !principal.sees(ticket.get())) {
            send(channel, Map.of("type", "error", "message", "no such ticket: " + ticketId));
            return;
        }
        Map<String, TranscriptWatch> mine = watchesOf.get(channel);
        if (mine == null) {
            return;
        }
        TranscriptWatch watch = new TranscriptWatch(this, transcripts, blocking, channel, ticketId,
                ticket.get().conversation(), after);
        TranscriptWatch old = mine.put(ticketId, watch);
        if (old != null) {
            forget(old);
        }
        watchers.computeIfAbsent(watch.key(), k -> ConcurrentHashMap.newKeySet()).add(watch);
        watch.catchUp();
    }

    private void unwatch(Channel channel, String ticketId) {
        Map<String, TranscriptWatch> mine = watchesOf.get(channel);
        TranscriptWatch watch = mine == null ? null : mine.remove(ticketId);
        if (watch != null) {
            forget(watch);
        }
    }

    private void forget(TranscriptWatch watch) {
        watchers.computeIfPresent(watch.key(), (k, set) -> {
            set.remove(watch);
            return set.isEmpty() ? null : set;
        });
    }

    /** The console went away. */
    public void closed(Channel channel) {
        sockets.remove(channel);
        Map<String, TranscriptWatch> mine = watchesOf.remove(channel);
        if (mine != null) {
            mine.values().forEach(this::forget);
        }
    }

    private void announced(LiveTickets.Announcement a) {
        if (sockets.isEmpty()) {
            return;
        }
        Optional<Ticket> ticket = store.find(a.ticketId());
        if (ticket.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Map<String, Object> summary = views.summary(ticket.get(), now);
        sockets.forEach((channel, principal) -> {
            boolean visible = principal.sees(ticket.get());
            boolean concerned = visible || a.previousQueue() != null && principal.seesQueue(a.previousQueue())
                    || watchesOf.getOrDefault(channel, Map.of()).containsKey(a.ticketId());
            if (concerned) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("type", "ticket");
                out.put("event", a.event());
                out.put("visible", visible);
                out.put("serverTime", now.toString());
                out.put("ticket", visible ? summary : Map.of("id", a.ticketId()));
                send(channel, out);
            }
        });
    }

    void send(Channel channel, Object message) {
        try {
            channel.writeAndFlush(new TextWebSocketFrame(Responses.JSON.writeValueAsString(message)));
        } catch (JsonProcessingException e) {
            log.warn("could not encode a console message: {}", e.getOriginalMessage());
        }
    }

    /** How many consoles are connected to this node. */
    public int connected() {
        return sockets.size();
    }

    @Override
    public void close() {
        pinger.shutdownNow();
        announcer.shutdownNow();
        if (transcriptSubscription != null) {
            try {
                transcriptSubscription.close();
            } catch (Exception e) {
                log.warn("while closing the transcript subscription: {}", e.toString());
            }
        }
        sockets.keySet().forEach(Channel::close);
    }
}
