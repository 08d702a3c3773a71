package io.feedbackbot.dialogs.escalation;

import java.util.Map;
import java.util.Objects;

/**
 * A decision to hand a conversation to a person, with why and what to show the agent first.
 *
 * @param reason   {@code detractor}, {@code complaint}, {@code urgent_words} or {@code customer_request}
 * @param priority {@code normal}, {@code high} or {@code urgent}
 * @param evidence score, probability, category, matched phrases, the customer's text
 */
public record Escalation(String reason, String priority, Map<String, String> evidence) {

    public Escalation {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(priority, "priority");
        evidence = Map.copyOf(evidence);
    }
}
