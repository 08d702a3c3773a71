package io.feedbackbot.wechat.kefu;

import java.time.Duration;
import java.time.Instant;

/**
 * WeChat's customer-service rule as a pure decision: after a user's message we may send {@code maxMessages}
 * customer-service messages within {@code window}; otherwise only a template reaches them. The decision is made
 * before sending, never learnt from a 45015/45047. {@code safetyMargin} closes the window a little early, since
 * our clock and WeChat's differ and a message takes time to arrive.
 */
public record KefuWindow(Duration window, int maxMessages, Duration safetyMargin) {

    /** 48 hours, 5 messages (the rule since June 2021), closed one minute early. */
    public static final KefuWindow DEFAULT = new KefuWindow(Duration.ofHours(48), 5, Duration.ofMinutes(1));

    public KefuWindow {
        if (window.isNegative() || window.isZero() || maxMessages < 1 || safetyMargin.isNegative()
                || safetyMargin.compareTo(window) >= 0) {
            throw new IllegalArgumentException("invalid customer-service window: " + window + ", " + maxMessages
                    + " messages, margin " + safetyMargin);
        }
    }

    /** How the next message to a user with this usage must go out at {@code now}. */
    public SendMethod choose(KefuUsage usage, Instant now) {
        if (usage.lastUserMessageAt().isEmpty()) {
            return SendMethod.TEMPLATE;
        }
        return now.isBefore(closesAt(usage.lastUserMessageAt().get())) && usage.sentSince() < maxMessages
                ? SendMethod.CUSTOMER_SERVICE
                : SendMethod.TEMPLATE;
    }

    /** When the window opened by a message at {@code lastUserMessageAt} closes for us. */
    public Instant closesAt(Instant lastUserMessageAt) {
        return lastUserMessageAt.plus(window).minus(safetyMargin);
    }
}
