package io.feedbackbot.core.ticket;

import io.feedbackbot.core.conversation.ConversationKey;
import java.time.Instant;
import java.util.Objects;

/**
 * A work order (工单): a conversation handed to people, routed to a queue, claimed by an agent, escalated level by
 * level when its deadlines pass, and ended (resolved with a note, or closed without contact).
 *
 * <p>Invariant: {@code assignee} is null while the status is {@code OPEN} and set while {@code CLAIMED}; {@code level}
 * only grows (0 store, 1 area, 2 head office); {@code version} grows by one with every change.
 *
 * @param queue      the queue it waits in
 * @param assignee   the agent who has it, or null
 * @param resolution how it ended, or null while it is active
 * @param followUp   what the customer said when the bot asked afterwards
 */
public record Ticket(String id, ConversationKey conversation, TicketOrigin origin, String queue, String assignee,
                     TicketStatus status, int level, TicketTimes times, Resolution resolution, FollowUp followUp,
                     long version) {

    /** The store level. */
    public static final int STORE = 0;
    /** The area level. */
    public static final int AREA = 1;
    /** The head office: the last level. */
    public static final int HEAD_OFFICE = 2;

    public Ticket {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(times, "times");
        followUp = followUp == null ? FollowUp.NONE : followUp;
    }

    /** The deadline this ticket is waiting on now (claim while open, resolve while claimed), or null once ended. */
    public Instant activeDue() {
        return switch (status) {
            case OPEN -> times.claimDueAt();
            case CLAIMED -> times.resolveDueAt();
            default -> null;
        };
    }

    /** The name of the level for people and notifications. */
    public static String levelName(int level) {
        return switch (level) {
            case STORE -> "store";
            case AREA -> "area";
            default -> "head_office";
        };
    }

    /**
     * How a ticket ended.
     *
     * @param by        who resolved or closed it (null: the customer left, or the system)
     * @param note      the resolution note
     * @param complaint whether it was a complaint after all (null: not said)
     * @param reason    why it was closed without contact ({@code customer_left}, {@code no_contact}), or null
     */
    public record Resolution(String by, String note, Boolean complaint, String reason) {
    }

    /**
     * The follow-up the bot asked after the agent resolved it.
     *
     * @param solved   {@code yes}, {@code no}, or null before the answer
     * @param handling the CSAT of the handling ({@code 1}..{@code 5}), {@code ""} when skipped, or null
     */
    public record FollowUp(String solved, String handling) {
        public static final FollowUp NONE = new FollowUp(null, null);
    }
}
