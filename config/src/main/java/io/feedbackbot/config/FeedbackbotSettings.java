package io.feedbackbot.config;

import java.nio.file.Path;

/**
 * The whole configuration, validated: what {@code config/feedbackbot.yaml} (or {@code --config FILE}) says,
 * with {@code ${VAR}} substituted and the {@code FEEDBACKBOT_*} environment overrides applied.
 *
 * @param source     where it was read from, for messages
 * @param adminToken the API's admin bearer token, or null to use the one kept in the data directory
 * @param campaigns  how outbound survey campaigns run
 */
public record FeedbackbotSettings(String source, HttpSettings http, Path dataDir, RedisSettings redis,
                                  EngineConfig engine, SurveysSettings surveys, ComplaintSettings complaints,
                                  ChannelsSettings channels, String adminToken,
                                  CampaignSettings campaigns) {
}
