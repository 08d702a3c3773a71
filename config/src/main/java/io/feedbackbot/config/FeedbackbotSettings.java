package io.feedbackbot.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The whole configuration, validated: what {@code config/feedbackbot.yaml} (or {@code --config FILE}) says,
 * with {@code ${VAR}} substituted and the {@code FEEDBACKBOT_*} environment overrides applied.
 *
 * @param source     where it was read from, for messages
 * @param adminToken the API's admin bearer token, or null to use the one kept in the data directory
 * @param reports    how answers are counted and reported
 * @param webhooks   outbound webhooks ({@code integrations.webhooks})
 */
public record FeedbackbotSettings(String source, HttpSettings http, Path dataDir, RedisSettings redis,
                                  EngineConfig engine, SurveysSettings surveys, ComplaintSettings complaints,
                                  ChannelsSettings channels, String adminToken, ReportsSettings reports,
                                  List<WebhookSettings> webhooks) {

    public FeedbackbotSettings {
        webhooks = List.copyOf(webhooks);
    }
}
