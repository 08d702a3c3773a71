package io.feedbackbot.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The whole configuration, validated: what {@code config/feedbackbot.yaml} (or {@code --config FILE}) says,
 * with {@code ${VAR}} substituted and the {@code FEEDBACKBOT_*} environment overrides applied.
 *
 * @param source     where it was read from, for messages
 * @param adminToken the API's admin bearer token, or null to use the one kept in the data directory
 */
public record FeedbackbotSettings(String source, HttpSettings http, Path dataDir, RedisSettings redis,
                                  EngineConfig engine, SurveysSettings surveys, ComplaintSettings complaints,
                                  List<WebchatAccount> webchat, String adminToken) {

    public FeedbackbotSettings {
        webchat = List.copyOf(webchat);
    }

    public Optional<WebchatAccount> webchatAccount(String id) {
        return webchat.stream().filter(a -> a.id().equals(id)).findFirst();
    }
}
