package io.feedbackbot.sms.send;

import io.feedbackbot.sms.rest.SendResult;
import java.time.Duration;
import java.util.Optional;

/**
 * The durable, shared record of outbound SMS intents and their outcomes, written before and after each send so that
 * a provider timeout, a crash or a second node can never turn one intent into two SMS. Implementations must make
 * {@link #recordIntent} atomic across all nodes (over Redis: one Lua script, or SET NX plus a Lua re-claim), be
 * durable before returning, and expire entries after the longest window in which the same intent id can recur.
 *
 * <p>Journals that support {@link #takeOver} also keep when each pending attempt was recorded, by one clock for
 * all nodes (Redis's own {@code TIME}), so that a send cut off by a crash can be settled instead of staying
 * unknown forever.
 */
public interface SendJournal {

    /**
     * Claims the right to send {@code intent}, atomically. Succeeds (true) when no entry exists for its id, or when
     * the entry is {@link JournalEntry#retryable()} (its outcome is {@link SendResult.NotSent}); the entry then
     * holds {@code intent} with no outcome. Otherwise (pending, accepted, rejected, unknown) changes nothing and
     * returns false.
     */
    boolean recordIntent(SendIntent intent);

    /** Stores the outcome of the send that {@link #recordIntent} allowed. */
    void recordOutcome(String intentId, SendResult outcome);

    Optional<JournalEntry> find(String intentId);

    /**
     * Takes over a pending intent (recorded, no outcome) whose attempt was recorded at least {@code staleAfter}
     * ago, atomically across nodes: exactly one caller gets {@link Takeover.Granted}, and the entry counts as
     * recorded anew from then. {@code staleAfter} must be longer than any send can take (all attempts and waits of
     * the client's policy), so that a granted takeover never races a live send.
     */
    default Takeover takeOver(String intentId, Duration staleAfter) {
        return new Takeover.Unsupported();
    }
}
