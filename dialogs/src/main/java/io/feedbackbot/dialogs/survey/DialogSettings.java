package io.feedbackbot.dialogs.survey;

import io.feedbackbot.dialogs.escalation.EscalationPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * How the survey dialog behaves beyond the surveys themselves.
 *
 * @param phrases             the bot's own sentences
 * @param escalation          when a conversation needs a person
 * @param handoffNoticeAfter  when nobody has taken a work order this long after it opened, the waiting customer is
 *                            told so honestly ({@link Phrases#noAgentYet()})
 * @param waitingReplyEvery   while waiting for a person, the customer's messages are acknowledged at most this often
 */
public record DialogSettings(Phrases phrases, EscalationPolicy escalation, Duration handoffNoticeAfter,
                             Duration waitingReplyEvery) {

    public DialogSettings {
        Objects.requireNonNull(phrases, "phrases");
        Objects.requireNonNull(escalation, "escalation");
        Objects.requireNonNull(handoffNoticeAfter, "handoffNoticeAfter");
        Objects.requireNonNull(waitingReplyEvery, "waitingReplyEvery");
    }

    public static DialogSettings defaults() {
        return new DialogSettings(Phrases.defaults(), EscalationPolicy.defaults(), Duration.ofMinutes(10),
                Duration.ofMinutes(10));
    }
}
