package io.feedbackbot.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The whole configuration, validated: what {@code config/feedbackbot.yaml} (or {@code --config FILE}) says,
 * with {@code ${VAR}} substituted and the {@code FEEDBACKBOT_*} environment overrides applied.
 *
 * @param source     where it was read from, for messages
 * @param adminToken the API's admin bearer token, or null to use the one kept in the data directory
 * @param handoff    how work orders are routed, timed and escalated
 * @param org        stores, areas and the head office
 * @param console    the agent console's users
 * @param apiTokens  bearer tokens with roles for scripts ({@code api.tokens})
 * @param campaigns  how outbound survey campaigns run
 */
public record FeedbackbotSettings(String source, HttpSettings http, Path dataDir, RedisSettings redis,
                                  EngineConfig engine, SurveysSettings surveys, ComplaintSettings complaints,
                                  ChannelsSettings channels, String adminToken, HandoffSettings handoff,
                                  OrgSettings org, ConsoleSettings console, List<ConsoleSettings.ApiToken> apiTokens,
                                  CampaignSettings campaigns) {

    public FeedbackbotSettings {
        apiTokens = List.copyOf(apiTokens);
    }
}
