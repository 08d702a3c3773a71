package io.feedbackbot.dialogs.campaign;

import java.time.Instant;
import java.util.Objects;

/**
 * What a dispatcher should do for one campaign at one moment, decided from its status, schedule and how many
 * recipients wait ({@code queued}) or are being sent to right now ({@code claimed}). Pure, so every node decides
 * the same way and the rule is a table test.
 */
public enum CampaignDuty {
    /** Nothing to do now. */
    WAIT,
    /** The start time has come: move scheduled to running. */
    START,
    /** Claim and send to recipients whose window is open. */
    SEND,
    /**
     * The end time has passed: skip everyone still queued, or claimed by a node that died (reason
     * {@code schedule_ended}); sends already under way finish.
     */
    END,
    /** Everyone was handled: move running to completed. */
    COMPLETE,
    /** Cancelled: skip everyone still queued or stranded by a dead node (reason {@code cancelled}). */
    DRAIN;

    public static CampaignDuty decide(CampaignStatus status, Instant start, Instant end, Instant now, long queued,
                                      long claimed) {
        Objects.requireNonNull(status, "status");
        return switch (status) {
            case SCHEDULED -> now.isBefore(start) ? WAIT : START;
            case RUNNING -> {
                if (queued + claimed == 0) {
                    yield COMPLETE;
                }
                if (end != null && !now.isBefore(end)) {
                    yield END;
                }
                yield SEND;
            }
            case CANCELLED -> queued + claimed > 0 ? DRAIN : WAIT;
            case DRAFT, PAUSED, COMPLETED -> WAIT;
        };
    }
}
