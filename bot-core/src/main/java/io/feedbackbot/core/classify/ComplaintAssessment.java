package io.feedbackbot.core.classify;

import java.util.List;

/**
 * What the complaint classifier made of one message: the probability that it is a complaint, the most likely
 * category, and the phrases of the message that drove the decision (shown to agents as evidence).
 *
 * @param probability complaint probability in [0, 1]
 * @param category    one of the configured categories (for example {@code delivery}); meaningful even when the
 *                    probability is low, so callers decide with the probability, not the category
 * @param evidence    phrases taken from the message, strongest first; may be empty
 */
public record ComplaintAssessment(double probability, String category, List<String> evidence) {

    /** The assessment for text that was not classified (no classifier configured, or no text). */
    public static final ComplaintAssessment NONE = new ComplaintAssessment(0.0, "other", List.of());

    public ComplaintAssessment {
        if (!(probability >= 0.0 && probability <= 1.0)) {
            throw new IllegalArgumentException("probability must be in [0, 1]: " + probability);
        }
        category = category == null ? "other" : category;
        evidence = List.copyOf(evidence);
    }
}
