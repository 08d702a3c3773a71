package io.feedbackbot.dialogs.survey;

import io.feedbackbot.core.conversation.ConversationState;
import io.feedbackbot.core.conversation.Handoff;
import io.feedbackbot.core.conversation.Language;
import io.feedbackbot.core.conversation.SurveyStatus;
import io.feedbackbot.core.dialog.Action;
import io.feedbackbot.core.dialog.DialogInput;
import io.feedbackbot.core.outbound.Delivery;
import io.feedbackbot.dialogs.intent.Intent;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The conversation while a person is involved: waiting for an agent (acknowledge, at most every so often; let the
 * customer leave the queue; tell them honestly when nobody has taken it in time), with an agent (the bot is silent
 * and carries the agent's messages), and after the work order ends (the follow-up question).
 */
final class HandoffFlow {

    private final SurveyDialog dialog;
    private final Phrases phrases;
    private final Duration replyEvery;

    HandoffFlow(SurveyDialog dialog, Phrases phrases, Duration replyEvery) {
        this.dialog = dialog;
        this.phrases = phrases;
        this.replyEvery = replyEvery;
    }

    /** A customer's text while a hand-off is open; false when the text should go on to the survey. */
    boolean onCustomerText(Turn turn, DialogInput.CustomerText text, Optional<Intent> intent, Language language) {
        Handoff handoff = turn.state.handoff();
        if (handoff.withAgent()) {
            return true;
        }
        boolean leave = intent.equals(Optional.of(Intent.LEAVE_QUEUE))
                || intent.equals(Optional.of(Intent.QUIT)) && turn.state.survey() == null;
        if (leave) {
            turn.act(new Action.UpdateTicket(handoff.ticketId(), "customer_left", Map.of()));
            turn.state = turn.state.withHandoff(null);
            turn.say(phrases.leftQueue().in(language));
            return true;
        }
        if (turn.state.survey() != null && !intent.equals(Optional.of(Intent.HUMAN))) {
            return false;
        }
        if (handoff.repliedAt() == null || !text.at().isBefore(handoff.repliedAt().plus(replyEvery))) {
            turn.state = turn.state.withHandoff(handoff.repliedAt(text.at()));
            turn.say(phrases.handoffPending().in(language));
        }
        return true;
    }

    /** An agent joined, wrote, or the work order ended. Inputs for another work order are ignored. */
    void onAgentInput(Turn turn, DialogInput input) {
        ConversationState state = turn.state;
        Handoff handoff = state.handoff();
        if (input instanceof DialogInput.AgentJoined joined && matches(handoff, joined.ticketId())) {
            SurveyDialog.closeSurvey(turn, SurveyStatus.HANDED_OFF, joined.at());
            turn.state = turn.state.withHandoff(handoff.joinedBy(joined.agent()));
            if (!state.optedOut()) {
                turn.purpose = Delivery.Purpose.AGENT;
                turn.say(phrases.agentJoined().in(language(state)));
            }
        } else if (input instanceof DialogInput.AgentMessage message && matches(handoff, message.ticketId())) {
            if (!handoff.withAgent()) {
                SurveyDialog.closeSurvey(turn, SurveyStatus.HANDED_OFF, message.at());
                turn.state = turn.state.withHandoff(handoff.joinedBy(message.agent()));
            }
            if (!state.optedOut()) {
                turn.purpose = Delivery.Purpose.AGENT;
                turn.say(message.text());
            }
        } else if (input instanceof DialogInput.TicketEnded ended && matches(handoff, ended.ticketId())) {
            turn.state = turn.state.withHandoff(null);
            if (ended.agent() != null && !state.optedOut() && turn.state.survey() == null) {
                dialog.startFollowUp(turn, ended.ticketId(), ended.agent(), ended.at());
            }
        }
    }

    /** Tells a customer still waiting when nobody has taken the work order in time. */
    void onTimeout(Turn turn, Instant at) {
        Handoff handoff = turn.state.handoff();
        if (handoff != null && !handoff.withAgent() && handoff.noticeAt() != null && !at.isBefore(handoff.noticeAt())) {
            turn.state = turn.state.withHandoff(handoff.noticeSent());
            if (!turn.state.optedOut()) {
                turn.say(phrases.noAgentYet().in(language(turn.state)));
            }
        }
    }

    private static boolean matches(Handoff handoff, String ticketId) {
        return handoff != null && handoff.ticketId().equals(ticketId);
    }

    private static Language language(ConversationState state) {
        if (state.survey() != null && state.survey().language() != null) {
            return state.survey().language();
        }
        return state.language();
    }
}
