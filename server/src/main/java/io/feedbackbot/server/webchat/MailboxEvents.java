package io.feedbackbot.server.webchat;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.feedbackbot.core.conversation.ConversationKey;
import io.feedbackbot.core.outbound.Mailbox;
import io.feedbackbot.server.http.EventStreams;
import io.feedbackbot.server.http.Responses;
import io.feedbackbot.server.http.SerialCatchUp;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live web chat mailboxes as server-sent events. Each open page is a subscriber of its conversation; when any
 * node appends to that mailbox (announced over Redis pub/sub), this node reads what came after the subscriber's
 * cursor and pushes it, in order. A reconnecting page resumes from {@code Last-Event-ID}, so nothing is missed.
 */
public final class MailboxEvents implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MailboxEvents.class);

    private final Mailbox mailbox;
    private final Executor blocking;
    private final Map<ConversationKey, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private final AutoCloseable subscription;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sse-heartbeat");
        t.setDaemon(true);
        return t;
    });

    public MailboxEvents(Mailbox mailbox, Executor blocking) {
        this.mailbox = mailbox;
        this.blocking = blocking;
        this.subscription = mailbox.subscribe(this::appended);
        heartbeat.scheduleAtFixedRate(this::beat, 15, 15, TimeUnit.SECONDS);
    }

    /** Starts an event stream on the channel and sends what the mailbox holds after {@code cursor}. */
    void open(ChannelHandlerContext ctx, ConversationKey key, String cursor) {
        EventStreams.begin(ctx);
        Subscriber subscriber = new Subscriber(ctx.channel(), key, cursor);
        subscribers.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(subscriber);
        ctx.channel().closeFuture().addListener(f -> remove(subscriber));
        subscriber.catchUp();
    }

    private void appended(ConversationKey key) {
        Set<Subscriber> set = subscribers.get(key);
        if (set != null) {
            set.forEach(Subscriber::catchUp);
        }
    }

    private void remove(Subscriber subscriber) {
        subscribers.computeIfPresent(subscriber.key, (k, set) -> {
            set.remove(subscriber);
            return set.isEmpty() ? null : set;
        });
    }

    private void beat() {
        subscribers.values().forEach(set -> set.forEach(s ->
                s.channel.writeAndFlush(EventStreams.chunk(": keep-alive\n\n"))));
    }

    static Map<String, Object> json(Mailbox.Entry entry) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cursor", entry.cursor());
        out.put("text", entry.text());
        out.put("at", entry.at().toString());
        return out;
    }

    @Override
    public void close() throws Exception {
        heartbeat.shutdownNow();
        subscription.close();
        subscribers.values().forEach(set -> set.forEach(s -> s.channel.close()));
    }

    /** One open page. Reads are serialised per page so events go out in order and once. */
    private final class Subscriber {
        final Channel channel;
        final ConversationKey key;
        private final SerialCatchUp reads;
        private String cursor;

        Subscriber(Channel channel, ConversationKey key, String cursor) {
            this.channel = channel;
            this.key = key;
            this.cursor = cursor;
            this.reads = new SerialCatchUp(blocking, this::push,
                    e -> log.warn("could not push mailbox of {}: {}", key, e.toString()));
        }

        void catchUp() {
            reads.request();
        }

        /** Pushes up to 100 entries after the cursor; true when there may be more. */
        private boolean push() throws JsonProcessingException {
            List<Mailbox.Entry> entries = mailbox.read(key, cursor, 100);
            for (Mailbox.Entry entry : entries) {
                channel.write(EventStreams.chunk("id: " + entry.cursor() + "\nevent: message\ndata: "
                        + Responses.JSON.writeValueAsString(json(entry)) + "\n\n"));
                cursor = entry.cursor();
            }
            channel.flush();
            return entries.size() == 100;
        }
    }
}
