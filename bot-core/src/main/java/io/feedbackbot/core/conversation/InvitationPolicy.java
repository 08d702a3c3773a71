package io.feedbackbot.core.conversation;

import java.time.Duration;

/**
 * How an invitation treats its customer, set by whoever invites (a campaign): when it expires, whether and how
 * often non-responders are reminded, and the fatigue window.
 *
 * @param expiresAfter   how long the survey stays open, or null for the survey's own {@code expiresAfter}
 * @param reminderAfter  remind a customer who has not replied at all after this long (again after each further
 *                       interval), or null for no reminders
 * @param maxReminders   at most this many reminders
 * @param fatigueWindow  decline when the customer was invited to, or answered, any survey within this window; null
 *                       for no fatigue rule
 */
public record InvitationPolicy(Duration expiresAfter, Duration reminderAfter, int maxReminders,
                               Duration fatigueWindow) {

    /** No reminders, no fatigue rule, the survey's own expiry. */
    public static final InvitationPolicy NONE = new InvitationPolicy(null, null, 0, null);

    public InvitationPolicy {
        if (maxReminders < 0) {
            throw new IllegalArgumentException("maxReminders must not be negative");
        }
        if (reminderAfter != null && (reminderAfter.isNegative() || reminderAfter.isZero())) {
            throw new IllegalArgumentException("reminderAfter must be positive");
        }
    }
}
