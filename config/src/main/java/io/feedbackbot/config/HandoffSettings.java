package io.feedbackbot.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How work orders are handled ({@code handoff:} in feedbackbot.yaml).
 *
 * @param defaultQueue       the queue of tickets whose store has no team (or that have no store)
 * @param noticeAfter        when nobody claimed a ticket this long after it opened, the waiting customer hears
 *                           {@code noAgentMessage}
 * @param noAgentMessage     that honest message per language tag ({@code zh-CN}, {@code en}); empty: the built-in one
 * @param leaveKeywords      extra whole-message keywords with which a waiting customer leaves the agent queue
 * @param deadlines          claim and resolve windows per priority ({@code urgent}, {@code high}, {@code normal},
 *                           {@code low}); every priority has one
 * @param smsFallbackAccount the SMS account offered to agents when a WeChat customer can no longer be reached, or null
 * @param nearDeadline       a ticket is "near its deadline" for supervisors when less than this is left
 * @param checkEvery         how often a node tries to take the deadline lock and escalate what is due
 * @param ticketRetention    resolved and closed tickets are forgotten this long after they ended
 */
public record HandoffSettings(String defaultQueue, Duration noticeAfter, Map<String, String> noAgentMessage,
                              List<String> leaveKeywords, Map<String, Deadline> deadlines, String smsFallbackAccount,
                              Duration nearDeadline, Duration checkEvery, Duration ticketRetention) {

    /** The priorities a ticket can have, most pressing first. */
    public static final List<String> PRIORITIES = List.of("urgent", "high", "normal", "low");

    public HandoffSettings {
        Objects.requireNonNull(defaultQueue, "defaultQueue");
        noAgentMessage = Map.copyOf(noAgentMessage);
        leaveKeywords = List.copyOf(leaveKeywords);
        deadlines = Map.copyOf(deadlines);
        for (String priority : PRIORITIES) {
            if (!deadlines.containsKey(priority)) {
                throw new IllegalArgumentException("no deadline for priority " + priority);
            }
        }
    }

    /** The windows of {@code priority}; an unknown priority gets those of {@code normal}. */
    public Deadline deadline(String priority) {
        return deadlines.getOrDefault(priority, deadlines.get("normal"));
    }

    /**
     * How long a ticket of one priority may wait.
     *
     * @param claim   from opening until an agent claims it
     * @param resolve from opening until it is resolved
     */
    public record Deadline(Duration claim, Duration resolve) {
        public Deadline {
            Objects.requireNonNull(claim, "claim");
            Objects.requireNonNull(resolve, "resolve");
        }
    }

    /** The built-in windows: urgent 10 min / 2 h, high 30 min / 4 h, normal 2 h / 24 h, low 8 h / 72 h. */
    public static Map<String, Deadline> defaultDeadlines() {
        return Map.of("urgent", new Deadline(Duration.ofMinutes(10), Duration.ofHours(2)),
                "high", new Deadline(Duration.ofMinutes(30), Duration.ofHours(4)),
                "normal", new Deadline(Duration.ofHours(2), Duration.ofHours(24)),
                "low", new Deadline(Duration.ofHours(8), Duration.ofHours(72)));
    }
}
