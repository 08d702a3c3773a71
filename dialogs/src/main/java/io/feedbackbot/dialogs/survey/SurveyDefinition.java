package io.feedbackbot.dialogs.survey;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A survey as its YAML file declares it: the steps, the branching between them as data, and the texts around
 * them. Invariant: step ids are unique and every branch targets a step of this survey or {@link Branch#END}.
 *
 * @param id           the survey id used in URLs and stored answers
 * @param title        a short name for people (reports, the console)
 * @param intro        sent before the first question, or null
 * @param thanks       sent after the last question
 * @param expiresAfter how long an unanswered run stays open
 * @param maxReprompts how often a reply that was not understood is asked again before moving on
 * @param steps        the questions, in order
 * @param channels     per-channel settings (for example a WeChat template for invitations), by channel name
 */
public record SurveyDefinition(String id, LocalizedText title, LocalizedText intro, LocalizedText thanks,
                               Duration expiresAfter, int maxReprompts, List<Step> steps,
                               Map<String, Map<String, String>> channels) {

    public SurveyDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(thanks, "thanks");
        Objects.requireNonNull(expiresAfter, "expiresAfter");
        steps = List.copyOf(steps);
        channels = channels == null ? Map.of() : Map.copyOf(channels);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("survey " + id + " has no steps");
        }
        if (maxReprompts < 0) {
            throw new IllegalArgumentException("maxReprompts must not be negative");
        }
        for (Step step : steps) {
            if (steps.stream().filter(s -> s.id().equals(step.id())).count() > 1) {
                throw new IllegalArgumentException("step id '" + step.id() + "' is used twice");
            }
            for (Branch branch : step.next()) {
                if (!branch.target().equals(Branch.END) && stepIndex(steps, branch.target()) < 0) {
                    throw new IllegalArgumentException("step '" + step.id() + "' goes to unknown step '"
                            + branch.target() + "'");
                }
            }
        }
    }

    public Step first() {
        return steps.get(0);
    }

    public Optional<Step> step(String stepId) {
        int i = stepIndex(steps, stepId);
        return i < 0 ? Optional.empty() : Optional.of(steps.get(i));
    }

    /** The step after {@code step} in file order, or empty at the end. */
    public Optional<Step> following(Step step) {
        int i = stepIndex(steps, step.id());
        return i + 1 < steps.size() ? Optional.of(steps.get(i + 1)) : Optional.empty();
    }

    /** Settings of one channel for this survey (empty when none are declared). */
    public Map<String, String> channel(String channel) {
        return channels.getOrDefault(channel, Map.of());
    }

    private static int stepIndex(List<Step> steps, String stepId) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).id().equals(stepId)) {
                return i;
            }
        }
        return -1;
    }
}
