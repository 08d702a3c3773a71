package io.feedbackbot.server.handoff.live;

import io.feedbackbot.core.conversation.ConversationKey;
import io.feedbackbot.core.store.Transcripts;
import io.feedbackbot.server.handoff.ticket.TicketViews;
import io.feedbackbot.server.http.SerialCatchUp;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One console watching one ticket's transcript. Reads are serialised per watch and always start after the last
 * line number sent, so lines go out in order and once however many announcements arrive at the same time.
 */
final class TranscriptWatch {

    private static final Logger log = LoggerFactory.getLogger(TranscriptWatch.class);

    private final AgentSockets sockets;
    private final Transcripts transcripts;
    private final Channel channel;
    private final String ticketId;
    private final ConversationKey key;
    private final SerialCatchUp reads;
    private long cursor;

    TranscriptWatch(AgentSockets sockets, Transcripts transcripts, Executor blocking, Channel channel, String ticketId,
                    ConversationKey key, long cursor) {
        this.sockets = sockets;
        this.transcripts = transcripts;
        this.channel = channel;
        this.ticketId = ticketId;
        this.key = key;
        this.cursor = cursor;
        this.reads = new SerialCatchUp(blocking, this::push,
                e -> log.warn("could not push the transcript of ticket {}: {}", ticketId, e.toString()));
    }

    ConversationKey key() {
        return key;
    }

    void catchUp() {
        reads.request();
    }

    /** Sends the lines after the last one sent (all of them: a pass never stops with more to read). */
    private boolean push() {
        List<Transcripts.Numbered> lines = transcripts.read(key, cursor);
        if (!lines.isEmpty()) {
            cursor = lines.get(lines.size() - 1).seq();
            sockets.send(channel, Map.of("type", "transcript", "ticketId", ticketId,
                    "lines", lines.stream().map(TicketViews::line).toList()));
        }
        return false;
    }
}
