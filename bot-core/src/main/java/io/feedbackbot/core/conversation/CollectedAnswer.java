package io.feedbackbot.core.conversation;

/**
 * An answer kept in the conversation while its survey runs (the durable copy is the stored answer record).
 *
 * @param questionId the step id
 * @param value      the normalised value ("9", "yes", an option id, the text), or null for no answer
 * @param score      the numeric value on a rating scale, or null
 */
public record CollectedAnswer(String questionId, String value, Integer score) {
}
