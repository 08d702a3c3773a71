package io.feedbackbot.dialogs.survey;

import static io.feedbackbot.dialogs.survey.Fixtures.SMS;
import static io.feedbackbot.dialogs.survey.Fixtures.T0;
import static io.feedbackbot.dialogs.survey.Fixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feedbackbot.core.conversation.ConversationState;
import io.feedbackbot.core.conversation.Invitation;
import io.feedbackbot.core.conversation.InvitationPolicy;
import io.feedbackbot.core.conversation.Language;
import io.feedbackbot.core.conversation.SurveyStatus;
import io.feedbackbot.core.dialog.Action;
import io.feedbackbot.core.dialog.DialogInput;
import io.feedbackbot.core.outbound.Delivery;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Campaign invitations: expiry, reminders to non-responders, and the fatigue rule. */
class InvitationPolicyDialogTest {

    private static final InvitationPolicy CAMPAIGN = new InvitationPolicy(Duration.ofHours(72), Duration.ofHours(24),
            2, Duration.ofDays(30));

    private final DialogSpec spec = new DialogSpec(Fixtures.dialog());

    private static DialogInput.SurveyInvited campaignInvite(String id, Instant at) {
        return new DialogInput.SurveyInvited(new Invitation(id, "post-delivery-nps", SMS, Language.EN,
                Map.of("store", "SH-001"), "camp-1", CAMPAIGN, at), at);
    }

    private static Instant wake(DialogSpec.Then then) {
        return then.actions(Action.ScheduleTimeout.class).get(0).at();
    }

    @Test
    void anInvitationIsSentAsAnInvitationAndExpiresWhenItsCampaignSays() {
        var invited = spec.given(ConversationState.fresh(SMS)).when(campaignInvite("inv-1", T0));

        assertEquals(Delivery.Purpose.INVITATION, invited.actions(Action.SendReply.class).get(0).purpose());
        assertEquals(T0.plus(Duration.ofHours(72)), invited.state().survey().expiresAt());
        assertEquals("camp-1", invited.state().survey().campaignId());
        assertEquals(T0.plus(Duration.ofHours(24)), wake(invited), "the first reminder is the earliest deadline");
    }

    @Test
    void aNonResponderIsRemindedAtMostTheAllowedNumberOfTimes() {
        var invited = spec.given(ConversationState.fresh(SMS)).when(campaignInvite("inv-1", T0));

        var first = spec.given(invited.state()).when(new DialogInput.TimeoutElapsed(wake(invited)));
        first.replies("A quick reminder: we'd love your feedback, it takes a minute.\n\nRecommend 0-10?");
        assertEquals(Delivery.Purpose.REMINDER, first.actions(Action.SendReply.class).get(0).purpose());
        assertEquals(T0.plus(Duration.ofHours(48)), wake(first));

        var second = spec.given(first.state()).when(new DialogInput.TimeoutElapsed(wake(first)));
        assertEquals(2, second.state().survey().remindersSent());
        assertEquals(T0.plus(Duration.ofHours(72)), wake(second), "no third reminder: only the expiry is left");

        var expired = spec.given(second.state()).when(new DialogInput.TimeoutElapsed(wake(second))).silent();
        assertEquals(SurveyStatus.EXPIRED, expired.state().lastClosed().status());
    }

    @Test
    void aCustomerWhoRepliedIsNotReminded() {
        var invited = spec.given(ConversationState.fresh(SMS)).when(campaignInvite("inv-1", T0));
        var replied = spec.given(invited.state()).when(text("hmm", T0.plus(Duration.ofHours(1))));

        assertEquals(T0.plus(Duration.ofHours(72)), wake(replied));
        spec.given(replied.state()).when(new DialogInput.TimeoutElapsed(T0.plus(Duration.ofHours(24)))).silent();
    }

    @Test
    void aCustomerInvitedWithinTheFatigueWindowIsDeclined() {
        ConversationState done = spec.given(ConversationState.fresh(SMS))
                .whenAll(campaignInvite("inv-1", T0), text("9", T0.plusSeconds(60)), text("fast", T0.plusSeconds(90)))
                .state();
        assertNull(done.survey());

        var again = spec.given(done).when(campaignInvite("inv-2", T0.plus(Duration.ofDays(10)))).silent();
        assertEquals("fatigue", again.actions(Action.DeclineInvitation.class).get(0).reason());

        var later = spec.given(done).when(campaignInvite("inv-3", T0.plus(Duration.ofDays(31))));
        assertTrue(later.actions(Action.DeclineInvitation.class).isEmpty());
    }

    @Test
    void aTransactionalInvitationHasNoFatigueRule() {
        ConversationState done = spec.given(ConversationState.fresh(SMS))
                .whenAll(campaignInvite("inv-1", T0), text("9", T0.plusSeconds(60)), text("fast", T0.plusSeconds(90)))
                .state();

        var transactional = spec.given(done).when(new DialogInput.SurveyInvited(new Invitation("inv-2",
                "post-service-csat", SMS, Language.EN, Map.of(), null, T0.plus(Duration.ofDays(1))),
                T0.plus(Duration.ofDays(1))));

        assertTrue(transactional.actions(Action.DeclineInvitation.class).isEmpty());
        assertEquals(T0.plus(Duration.ofDays(1)), transactional.state().lastInvitedAt());
    }
}
