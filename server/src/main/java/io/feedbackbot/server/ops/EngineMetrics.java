package io.feedbackbot.server.ops;

import io.feedbackbot.core.answer.AnswerRecord;
import io.feedbackbot.core.conversation.ConversationKey;
import io.feedbackbot.core.engine.EngineObserver;
import io.feedbackbot.core.outbound.Delivery;
import io.feedbackbot.core.outbound.DeliveryOutcome;
import io.feedbackbot.core.store.TicketRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what the engine does into Prometheus metrics: inbound messages, replies, answers, work orders,
 * compare-and-set conflicts, deliveries by outcome, and a histogram of message handling time.
 */
public final class EngineMetrics implements EngineObserver {

    private static final Logger log = LoggerFactory.getLogger(EngineMetrics.class);

    private final MeterRegistry registry;
    private final Map<String, ChannelMeters> channels = new ConcurrentHashMap<>();

    public EngineMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void messageHandled(ConversationKey key, boolean duplicate, int replies, long nanos) {
        ChannelMeters meters = channels.computeIfAbsent(key.channel(), this::meters);
        (duplicate ? meters.duplicates : meters.messages).increment();
        meters.replies.increment(replies);
        meters.handling.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** The per-message meters of one channel, registered once instead of looked up on every message. */
    private ChannelMeters meters(String channel) {
        return new ChannelMeters(messages(channel, false), messages(channel, true),
                Counter.builder("feedbackbot.replies").description("Replies sent in webhook responses")
                        .tag("channel", channel).register(registry),
                Timer.builder("feedbackbot.handling").description("Time to handle one customer message")
                        .tag("channel", channel).publishPercentileHistogram()
                        .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
                        .register(registry));
    }

    private Counter messages(String channel, boolean duplicate) {
        return Counter.builder("feedbackbot.inbound.messages").description("Customer messages handled")
                .tag("channel", channel).tag("duplicate", Boolean.toString(duplicate)).register(registry);
    }

    private record ChannelMeters(Counter messages, Counter duplicates, Counter replies, Timer handling) {
    }

    @Override
    public void answerRecorded(AnswerRecord answer) {
        Counter.builder("feedbackbot.answers").description("Answers stored")
                .tag("survey", answer.surveyId()).tag("status", answer.status().name().toLowerCase(java.util.Locale.ROOT))
                .register(registry).increment();
    }

    @Override
    public void ticketRequested(TicketRequest ticket) {
        Counter.builder("feedbackbot.tickets.opened").description("Work orders opened")
                .tag("reason", ticket.reason()).register(registry).increment();
        log.info("work order {} opened for {}: {}", ticket.ticketId(), ticket.key(), ticket.reason());
    }

    @Override
    public void commitConflict(ConversationKey key) {
        Counter.builder("feedbackbot.commit.conflicts").description("Saves that lost a race and were retried")
                .register(registry).increment();
    }

    @Override
    public void delivered(Delivery delivery, DeliveryOutcome outcome) {
        Counter.builder("feedbackbot.deliveries").description("Messages sent through providers")
                .tag("channel", delivery.to().channel()).tag("outcome", outcome.getClass().getSimpleName())
                .register(registry).increment();
        if (!(outcome instanceof DeliveryOutcome.Sent) && !(outcome instanceof DeliveryOutcome.AlreadyHandled)) {
            // Delivery ids hold the customer id (an SMS number): log them masked like the key.
            log.warn("delivery {} to {} not confirmed: {}",
                    delivery.deliveryId().replace(delivery.to().customer(), delivery.to().maskedCustomer()),
                    delivery.to(), outcome);
        }
    }
}
