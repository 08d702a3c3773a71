package io.feedbackbot.core.engine;

import io.feedbackbot.core.outbound.DeliveryOutcome;
import java.util.List;

/**
 * What became of an invitation.
 *
 * @param invitationId the invitation
 * @param started      whether the survey started (its first message was handed to the channel)
 * @param reason       why it did not start ({@code opted_out}, {@code survey_in_progress}…), else null
 * @param duplicate    this invitation id was handled before (nothing was sent now)
 * @param outcomes     how the first messages went, for channels that send through a provider
 */
public record InviteResult(String invitationId, boolean started, String reason, boolean duplicate,
                           List<DeliveryOutcome> outcomes) {

    public InviteResult {
        outcomes = List.copyOf(outcomes);
    }
}
