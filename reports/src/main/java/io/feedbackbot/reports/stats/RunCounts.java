package io.feedbackbot.reports.stats;

import io.feedbackbot.core.conversation.SurveyStatus;

/**
 * The layout of the counters kept per survey run outcome: one array of {@link #WIDTH} counts, indexed by the
 * constants here. "Delivered" is the run's STARTED milestone (its first message was handed to the channel) until
 * providers' delivery reports are counted; "responded" is a run with at least one answered question.
 */
public final class RunCounts {

    public static final int DELIVERED = 0;
    public static final int RESPONDED = 1;
    public static final int COMPLETED = 2;
    public static final int QUIT = 3;
    public static final int OPTED_OUT = 4;
    public static final int HANDED_OFF = 5;
    public static final int EXPIRED = 6;
    public static final int SUPERSEDED = 7;
    public static final int WIDTH = 8;

    private RunCounts() {
    }

    /** The slot an ENDED milestone with this status counts in. */
    public static int slotOf(SurveyStatus status) {
        return switch (status) {
            case COMPLETED -> COMPLETED;
            case QUIT -> QUIT;
            case OPTED_OUT -> OPTED_OUT;
            case HANDED_OFF -> HANDED_OFF;
            case EXPIRED -> EXPIRED;
            case SUPERSEDED -> SUPERSEDED;
        };
    }
}
