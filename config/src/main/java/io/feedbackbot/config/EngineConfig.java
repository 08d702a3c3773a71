package io.feedbackbot.config;

import java.time.Duration;

/**
 * How messages are handled.
 *
 * @param lanes          parallel conversation lanes (each conversation is handled in order on one lane)
 * @param deliveryLanes  parallel lanes for provider sends
 * @param replyDeadline  how long a webhook waits for its reply before answering at once and sending the reply
 *                       through the provider's API instead (WeChat gives up after 5 s)
 */
public record EngineConfig(int lanes, int deliveryLanes, Duration replyDeadline) {
}
