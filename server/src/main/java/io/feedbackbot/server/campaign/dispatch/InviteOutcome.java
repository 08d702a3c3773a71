package io.feedbackbot.server.campaign.dispatch;

import io.feedbackbot.core.engine.InviteResult;
import io.feedbackbot.core.outbound.DeliveryOutcome;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How one recipient ended, from what the conversation core said about its invitation: {@code sent} (handed to the
 * channel, or recognised as sent before: a duplicate invitation), {@code skipped} with the dialog's reason (opted
 * out, fatigue, a survey in progress, an agent on the conversation), {@code failed} when the channel certainly did
 * not send it, {@code unknown} when it may or may not have gone out. Pure.
 *
 * @param outcome sent, skipped, failed or unknown
 * @param reason  a short code for counting ({@code fatigue}, {@code rejected}…), empty for none
 * @param detail  what the channel said, for the outcome log
 */
public record InviteOutcome(String outcome, String reason, String detail) {

    static final Set<String> SKIPS = Set.of("opted_out", "fatigue", "survey_in_progress", "agent_handling");
    private static final Pattern CODE = Pattern.compile("^([a-z_]+)(:|$)");

    public static InviteOutcome of(InviteResult result) {
        if (!result.started() && !result.duplicate()) {
            String reason = result.reason() == null ? "declined" : result.reason();
            return SKIPS.contains(reason) ? new InviteOutcome("skipped", reason, "")
                    : new InviteOutcome("failed", reason, "");
        }
        for (DeliveryOutcome outcome : result.outcomes()) {
            if (outcome instanceof DeliveryOutcome.NotSent notSent) {
                String code = code(notSent.reason());
                return SKIPS.contains(code) ? new InviteOutcome("skipped", code, notSent.reason())
                        : new InviteOutcome("failed", code, notSent.reason());
            }
            if (outcome instanceof DeliveryOutcome.Unknown unknown) {
                return new InviteOutcome("unknown", "", unknown.reason());
            }
        }
        return new InviteOutcome("sent", "", result.duplicate() ? "already sent" : "");
    }

    /** The leading code of a reason ({@code rejected: HTTP 400…} is {@code rejected}), else {@code not_sent}. */
    static String code(String reason) {
        Matcher m = CODE.matcher(reason == null ? "" : reason);
        return m.find() ? m.group(1) : "not_sent";
    }
}
