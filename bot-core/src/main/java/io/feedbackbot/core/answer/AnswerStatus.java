package io.feedbackbot.core.answer;

/** Whether a question got an answer. */
public enum AnswerStatus {
    /** The customer answered. */
    ANSWERED,
    /** The customer's replies were not understood within the allowed re-prompts; the survey moved on. */
    NO_ANSWER,
    /** An optional question the customer chose to skip. */
    SKIPPED
}
