package io.feedbackbot.config;

/**
 * How messages are handled.
 *
 * @param lanes          parallel conversation lanes (each conversation is handled in order on one lane)
 * @param deliveryLanes  parallel lanes for provider sends
 */
public record EngineConfig(int lanes, int deliveryLanes) {
}
