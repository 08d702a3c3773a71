package io.feedbackbot.core.engine;

import io.feedbackbot.core.answer.AnswerRecord;
import io.feedbackbot.core.answer.SurveyEvent;
import io.feedbackbot.core.conversation.ConversationState;
import io.feedbackbot.core.conversation.SurveyRun;
import io.feedbackbot.core.dialog.Action;
import io.feedbackbot.core.dialog.DialogInput;
import io.feedbackbot.core.dialog.Transition;
import io.feedbackbot.core.outbound.Delivery;
import io.feedbackbot.core.store.Commit;
import io.feedbackbot.core.store.MailboxMessage;
import io.feedbackbot.core.store.ProcessedMessage;
import io.feedbackbot.core.store.StoredConversation;
import io.feedbackbot.core.store.TicketRequest;
import io.feedbackbot.core.store.TicketUpdate;
import io.feedbackbot.core.store.TranscriptLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sorts a transition's actions into what the engine stores and sends: replies for the webhook's response, or
 * deliveries and mailbox messages when nobody is waiting for a response; answers, milestones and tickets to
 * store; the next timeout. Pure bookkeeping, no I/O.
 */
final class TransitionPlan {

    private final StoredConversation previous;
    private final ConversationState next;
    private final String messageId;
    private final List<String> replies = new ArrayList<>();
    private final List<Delivery> deliveries = new ArrayList<>();
    private final List<MailboxMessage> mailbox = new ArrayList<>();
    private final List<AnswerRecord> answers = new ArrayList<>();
    private final List<SurveyEvent> events = new ArrayList<>();
    private final List<TicketRequest> tickets = new ArrayList<>();
    private final List<TicketUpdate> ticketUpdates = new ArrayList<>();
    private final List<TranscriptLine> transcript = new ArrayList<>();
    private Instant wakeAt;
    private String declined;

    private TransitionPlan(StoredConversation previous, ConversationState next, String messageId) {
        this.previous = previous;
        this.next = next;
        this.messageId = messageId;
    }

    /**
     * @param repliesInline  replies go into the webhook's response (a customer message is being handled)
     * @param mailboxChannel the channel keeps a mailbox, so other replies are appended to it at save time
     * @param unfinished     deliveries of the previous version that may still be unsent; carried forward
     */
    static TransitionPlan of(StoredConversation previous, Transition transition, DialogInput input, String messageId,
                             boolean repliesInline, boolean mailboxChannel, List<Delivery> unfinished) {
        TransitionPlan plan = new TransitionPlan(previous, transition.state(), messageId);
        plan.deliveries.addAll(unfinished);
        plan.wakeAt = input instanceof DialogInput.TimeoutElapsed ? null : previous.wakeAt();
        plan.transcribeInput(input);
        String sender = input instanceof DialogInput.AgentMessage agent ? "agent:" + agent.agent() : "bot";
        String deliveryPrefix = previous.state().key().id() + '/' + (previous.version() + 1) + '/'
                + input.at().toEpochMilli() + '/';
        int sendIndex = 0;
        for (Action action : transition.actions()) {
            if (action instanceof Action.SendReply reply) {
                String deliveryId = deliveryPrefix + sendIndex++;
                plan.transcript.add(new TranscriptLine(sender, reply.text(), input.at()));
                if (repliesInline) {
                    plan.replies.add(reply.text());
                } else if (mailboxChannel) {
                    plan.mailbox.add(new MailboxMessage(deliveryId, reply.text(), input.at()));
                } else {
                    plan.deliveries.add(new Delivery(deliveryId, previous.state().key(), reply.text(),
                            reply.purpose(), plan.surveyAttributes()));
                }
            } else if (action instanceof Action.RecordAnswer record) {
                plan.answers.add(record.answer());
            } else if (action instanceof Action.RecordSurveyEvent event) {
                plan.events.add(event.event());
            } else if (action instanceof Action.OpenTicket ticket) {
                plan.tickets.add(plan.ticketRequest(ticket, input.at()));
            } else if (action instanceof Action.UpdateTicket update) {
                plan.ticketUpdates.add(new TicketUpdate(update.ticketId(), update.event(), update.fields(),
                        input.at()));
            } else if (action instanceof Action.ScheduleTimeout timeout) {
                plan.wakeAt = timeout.at();
            } else if (action instanceof Action.DeclineInvitation decline) {
                plan.declined = decline.reason();
            }
        }
        return plan;
    }

    /** The save for this plan; {@code recoverAt} is when to look again if deliveries stay unsent. */
    Commit commit(Instant recoverAt) {
        List<ProcessedMessage> recent = messageId == null ? previous.recent()
                : previous.recentWith(new ProcessedMessage(messageId, replies));
        StoredConversation stored = new StoredConversation(next, previous.version() + 1, recent, deliveries, wakeAt);
        Instant timerAt = wakeAt;
        if (!deliveries.isEmpty() && (timerAt == null || recoverAt.isBefore(timerAt))) {
            timerAt = recoverAt;
        }
        return new Commit(previous, stored, answers, events, tickets, ticketUpdates, mailbox, transcript, timerAt);
    }

    private void transcribeInput(DialogInput input) {
        if (input instanceof DialogInput.CustomerText text) {
            transcript.add(new TranscriptLine("customer", text.text(), text.at()));
        } else if (input instanceof DialogInput.CustomerMedia media) {
            transcript.add(new TranscriptLine("customer", "[" + media.type() + "]", media.at()));
        }
    }

    List<String> replies() {
        return replies;
    }

    String declined() {
        return declined;
    }

    private Map<String, String> surveyAttributes() {
        SurveyRun run = next.survey() != null ? next.survey() : previous.state().survey();
        Map<String, String> attributes = new HashMap<>();
        if (run != null) {
            attributes.put("surveyId", run.surveyId());
            attributes.put("invitationId", run.invitationId());
            if (run.campaignId() != null) {
                attributes.put("campaignId", run.campaignId());
            }
            run.context().forEach((k, v) -> attributes.put("context." + k, v));
        }
        return attributes;
    }

    private TicketRequest ticketRequest(Action.OpenTicket ticket, Instant at) {
        SurveyRun run = previous.state().survey() != null ? previous.state().survey() : next.survey();
        return new TicketRequest(ticket.ticketId(), previous.state().key(), ticket.reason(), ticket.priority(),
                ticket.evidence(), run == null ? null : run.surveyId(), run == null ? null : run.invitationId(),
                run == null ? Map.of() : run.context(), run == null ? List.of() : run.answers(), at);
    }
}
