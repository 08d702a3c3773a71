package io.feedbackbot.core.message;

import java.util.Objects;

/** What a customer sent: text, something else (image, voice…), or a channel event (follow, menu click…). */
public sealed interface InboundContent {

    /** Text typed by the customer. */
    record Text(String text) implements InboundContent {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A message type the bot does not read, named as the channel names it ({@code image}, {@code voice}…). */
    record Media(String type) implements InboundContent {
        public Media {
            Objects.requireNonNull(type, "type");
        }
    }

    /** A channel event ({@code subscribe}, {@code CLICK}, {@code SCAN}…) with its key, if any. */
    record Event(String event, String eventKey) implements InboundContent {
        public Event {
            Objects.requireNonNull(event, "event");
        }
    }
}
