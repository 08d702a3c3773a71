package io.feedbackbot.server.channel;

import io.feedbackbot.core.engine.ConversationEngine;
import java.time.Clock;
import java.util.concurrent.Executor;

/**
 * What channels' webhook routes share once the application is built.
 *
 * @param engine   handles customer messages
 * @param blocking runs work that must not block the event loop (Redis reads, provider calls)
 * @param clock    the time source
 */
public record ChannelRuntime(ConversationEngine engine, Executor blocking, Clock clock) {
}
