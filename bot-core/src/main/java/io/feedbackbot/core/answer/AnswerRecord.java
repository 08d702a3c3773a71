package io.feedbackbot.core.answer;

import io.feedbackbot.core.conversation.ConversationKey;
import io.feedbackbot.core.conversation.Language;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One stored answer to one question, with everything reports and exports need: the invitation's context, the
 * customer, channel, account, survey, question, language, timestamps and the customer's raw text.
 *
 * <p>Invariant: {@code answerId} is derived from the invitation and the question, so a retried webhook that
 * produces the same answer again is recognised and stored once.
 *
 * @param questionType         {@code nps}, {@code csat}, {@code ces}, {@code choice}, {@code text} or {@code yes_no}
 * @param scale                the rating scale ({@code 0-10}, {@code 1-5}, {@code 1-7}) or null for other types
 * @param value                the normalised value ("9", "yes", an option id, the text), or null without an answer
 * @param score                the numeric value on a rating scale, or null
 * @param rawText              what the customer wrote, unchanged (null when nothing was written)
 * @param complaintProbability the complaint classifier's probability for free text, or null
 * @param complaintCategory    the classifier's category for free text, or null
 */
public record AnswerRecord(String answerId, String surveyId, String invitationId, String campaignId,
                           String questionId, String questionType, String scale, String value, Integer score,
                           AnswerStatus status, String rawText, Language language, ConversationKey key,
                           Map<String, String> context, Instant askedAt, Instant answeredAt,
                           Double complaintProbability, String complaintCategory) {

    public AnswerRecord {
        Objects.requireNonNull(answerId, "answerId");
        Objects.requireNonNull(surveyId, "surveyId");
        Objects.requireNonNull(invitationId, "invitationId");
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(questionType, "questionType");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(answeredAt, "answeredAt");
        context = context == null ? Map.of() : Map.copyOf(context);
    }

    /** The id every copy of the answer to {@code questionId} in {@code invitationId} shares. */
    public static String idFor(String invitationId, String questionId) {
        return invitationId + '/' + questionId;
    }
}
