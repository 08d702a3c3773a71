package io.feedbackbot.server.wechat;

import io.feedbackbot.core.outbound.DeliveryEvents;
import io.feedbackbot.core.outbound.DeliveryState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Records the delivery reports the channels hand to the application. */
final class RecordingDeliveryEvents implements DeliveryEvents {

    record Event(String deliveryId, Map<String, String> attributes, DeliveryState state, String detail) {
    }

    private final List<Event> events = new ArrayList<>();

    @Override
    public synchronized void updated(String deliveryId, Map<String, String> attributes, DeliveryState state,
            String detail, Instant at) {
        events.add(new Event(deliveryId, Map.copyOf(attributes), state, detail));
    }

    synchronized List<Event> events() {
        return List.copyOf(events);
    }
}
