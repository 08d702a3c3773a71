package io.feedbackbot.server.channel;

import io.feedbackbot.core.engine.ConversationEngine;
import io.feedbackbot.core.outbound.DeliveryEvents;
import java.time.Clock;
import java.util.concurrent.Executor;

/**
 * What channels' webhook routes share once the application is built.
 *
 * @param engine   handles customer messages
 * @param blocking runs work that must not block the event loop (Redis reads, provider calls)
 * @param clock    the time source
 * @param deliveries where channels report providers' delivery callbacks
 * @param parked   where a message waits, durably, when its webhook is answered before the engine stored it
 */
public record ChannelRuntime(ConversationEngine engine, Executor blocking, Clock clock, DeliveryEvents deliveries,
                             ParkedMessages parked) {
}
