package io.feedbackbot.core.classify;

import io.feedbackbot.core.conversation.Language;

/**
 * Reads a customer's free text for a complaint. Implementations are loaded once and shared by every thread, so
 * {@link #assess} must be safe to call concurrently; it never throws for ordinary text.
 */
public interface ComplaintClassifier {

    ComplaintAssessment assess(String text, Language language);

    /** A classifier that never sees a complaint, for deployments without a model. */
    ComplaintClassifier NONE = (text, language) -> ComplaintAssessment.NONE;
}
