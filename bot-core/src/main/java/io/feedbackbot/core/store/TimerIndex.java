package io.feedbackbot.core.store;

import io.feedbackbot.core.conversation.ConversationKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Which conversations need waking up when, shared by all nodes. An entry is a hint: the stored conversation's
 * own {@code wakeAt} decides, so a stale entry only costs a look.
 */
public interface TimerIndex {

    /**
     * Claims up to {@code limit} conversations due at {@code now}: each claimed entry is pushed to
     * {@code now + lease}, so if the claiming node dies the conversation is woken again after the lease.
     */
    List<ConversationKey> claimDue(Instant now, int limit, Duration lease);

    /** Points the entry for {@code key} at {@code at}, or removes it when {@code at} is null. */
    void set(ConversationKey key, Instant at);
}
