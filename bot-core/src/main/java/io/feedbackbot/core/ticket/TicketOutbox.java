package io.feedbackbot.core.ticket;

import io.feedbackbot.core.store.TicketRequest;
import io.feedbackbot.core.store.TicketUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The work-order requests and updates the conversation engine wrote, read at least once by a group of consumers
 * (one per node): an entry is handed to one consumer, and handed again to another when the first died before
 * {@linkplain #done marking it done}. Consumers must therefore be idempotent.
 */
public interface TicketOutbox {

    /** New entries for this consumer, waiting up to {@code block} for some. */
    List<Entry> next(String consumer, Duration block, int count);

    /** Entries another consumer (or this one) took more than {@code minIdle} ago and never finished. */
    List<Entry> abandoned(String consumer, Duration minIdle, int count);

    /** The entry is handled; it is not handed out again. */
    void done(Entry entry);

    /** Drops handled entries written before {@code before}. */
    void trim(Instant before);

    /** One entry. */
    sealed interface Entry {
        String entryId();

        /** When the entry was written, by the outbox's own clock. */
        Instant writtenAt();
    }

    record Requested(String entryId, Instant writtenAt, TicketRequest request) implements Entry {
    }

    record Updated(String entryId, Instant writtenAt, TicketUpdate update) implements Entry {
    }

    /** An entry that could not be read; it is reported and marked done. */
    record Unreadable(String entryId, Instant writtenAt, String stream, String problem) implements Entry {
    }
}
