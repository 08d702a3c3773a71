package io.feedbackbot.core.engine;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How the engine runs.
 *
 * @param lanes            conversation lanes (parallelism of message handling)
 * @param laneQueue        tasks each lane may hold before it refuses more
 * @param deliveryLanes    lanes for provider sends, kept apart so a slow provider never stalls message handling
 * @param commitAttempts   compare-and-set attempts before giving up on a conversation that keeps changing
 * @param recoveryDelay    how long after a save with unsent deliveries the timer index looks at it again, in
 *                         case this node dies before sending
 * @param mailboxChannels  channels whose customers read a mailbox kept in the store (web chat)
 */
public record EngineSettings(int lanes, int laneQueue, int deliveryLanes, int commitAttempts,
                             Duration recoveryDelay, Set<String> mailboxChannels) {

    public EngineSettings {
        Objects.requireNonNull(recoveryDelay, "recoveryDelay");
        mailboxChannels = Set.copyOf(mailboxChannels);
        if (lanes < 1 || laneQueue < 1 || deliveryLanes < 1 || commitAttempts < 1) {
            throw new IllegalArgumentException("engine settings must be positive");
        }
    }

    public static EngineSettings defaults() {
        return new EngineSettings(32, 10_000, 8, 8, Duration.ofSeconds(60), Set.of("webchat"));
    }
}
