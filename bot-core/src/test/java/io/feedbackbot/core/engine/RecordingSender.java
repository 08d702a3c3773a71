package io.feedbackbot.core.engine;

import io.feedbackbot.core.outbound.Delivery;
import io.feedbackbot.core.outbound.DeliveryOutcome;
import io.feedbackbot.core.outbound.OutboundSender;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A sender that records what it was asked to send and, like real senders, sends each delivery id at most once. */
final class RecordingSender implements OutboundSender {

    final List<Delivery> sent = new ArrayList<>();
    private final Set<String> claimed = new HashSet<>();

    @Override
    public synchronized DeliveryOutcome deliver(Delivery delivery) {
        if (!claimed.add(delivery.deliveryId())) {
            return new DeliveryOutcome.AlreadyHandled();
        }
        sent.add(delivery);
        return new DeliveryOutcome.Sent("provider-" + sent.size());
    }

    synchronized List<String> texts() {
        return sent.stream().map(Delivery::text).toList();
    }
}
