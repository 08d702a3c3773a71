package io.feedbackbot.core.store;

import io.feedbackbot.core.answer.AnswerRecord;
import io.feedbackbot.core.answer.SurveyEvent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One transition to save. The store writes the side records first (each idempotent: answers by answer id,
 * tickets by ticket id), then the conversation itself with compare-and-set on {@code previous.version()},
 * appending the mailbox messages in the same atomic step.
 *
 * @param previous   the stored conversation the transition started from
 * @param next       the conversation to store; its version is {@code previous.version() + 1}
 * @param answers    answers to store
 * @param events     survey milestones to store
 * @param tickets    hand-off requests to store
 * @param ticketUpdates what the conversation reports about its work order
 * @param mailbox    messages to append to the customer's mailbox
 * @param transcript lines to append to the conversation's transcript (in the same atomic step as the save)
 * @param timerAt    where the timer index should point for this conversation (null: nowhere)
 */
public record Commit(StoredConversation previous, StoredConversation next, List<AnswerRecord> answers,
                     List<SurveyEvent> events, List<TicketRequest> tickets, List<TicketUpdate> ticketUpdates,
                     List<MailboxMessage> mailbox, List<TranscriptLine> transcript, Instant timerAt) {

    public Commit {
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(next, "next");
        if (next.version() != previous.version() + 1) {
            throw new IllegalArgumentException("next version must follow the previous one");
        }
        answers = List.copyOf(answers);
        events = List.copyOf(events);
        tickets = List.copyOf(tickets);
        ticketUpdates = List.copyOf(ticketUpdates);
        mailbox = List.copyOf(mailbox);
        transcript = List.copyOf(transcript);
    }
}
