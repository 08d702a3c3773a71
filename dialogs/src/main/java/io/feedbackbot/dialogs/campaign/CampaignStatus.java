package io.feedbackbot.dialogs.campaign;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a campaign is in its life: {@code draft → scheduled → running ⇄ paused → completed}, or
 * {@code cancelled} from any state that is not final. The moves a marketer asks for are {@link Command}s; the moves
 * the dispatcher makes on its own (start at the scheduled time, complete when nobody is left) are plain transitions.
 */
public enum CampaignStatus {
    DRAFT, SCHEDULED, RUNNING, PAUSED, COMPLETED, CANCELLED;

    /** What a marketer can ask of a campaign. */
    public enum Command { SCHEDULE, PAUSE, RESUME, CANCEL }

    /** The lower-case name used in the API and in Redis. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CampaignStatus fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    public boolean isFinal() {
        return this == COMPLETED || this == CANCELLED;
    }

    /** Whether the dispatcher may still have work for it (it is in the active index). */
    public boolean isActive() {
        return this == SCHEDULED || this == RUNNING || this == PAUSED;
    }

    /** Whether this state may move to {@code next}. */
    public boolean canMoveTo(CampaignStatus next) {
        return switch (this) {
            case DRAFT -> next == SCHEDULED || next == CANCELLED;
            case SCHEDULED -> next == RUNNING || next == PAUSED || next == CANCELLED;
            case RUNNING -> next == PAUSED || next == COMPLETED || next == CANCELLED;
            case PAUSED -> next == RUNNING || next == SCHEDULED || next == CANCELLED;
            case COMPLETED, CANCELLED -> false;
        };
    }

    /**
     * The state a command leads to from this one, or empty when the command does not apply here. Resuming before
     * the start time goes back to {@link #SCHEDULED}; scheduling after it is still {@link #SCHEDULED} (the
     * dispatcher starts it within a second).
     */
    public Optional<CampaignStatus> after(Command command, Instant now, Instant start) {
        CampaignStatus next = switch (command) {
            case SCHEDULE -> SCHEDULED;
            case PAUSE -> PAUSED;
            case RESUME -> this == PAUSED ? (now.isBefore(start) ? SCHEDULED : RUNNING) : null;
            case CANCEL -> CANCELLED;
        };
        return next != null && canMoveTo(next) ? Optional.of(next) : Optional.empty();
    }
}
