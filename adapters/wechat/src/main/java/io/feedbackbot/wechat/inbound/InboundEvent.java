package io.feedbackbot.wechat.inbound;

import java.util.Optional;

/**
 * An event push ({@code MsgType=event}). Events have no MsgId, so their dedupe key is built from the sender, the
 * push time, the event name and the event key, which WeChat repeats unchanged on its retries.
 */
public sealed interface InboundEvent extends InboundMessage {

    /** The {@code Event} value as sent. */
    String event();

    /** The {@code EventKey} value, empty when absent or blank. */
    Optional<String> eventKey();

    @Override
    default String dedupeKey() {
        return "evt:" + header().fromUserName() + ":" + header().createTime() + ":" + event() + ":"
                + eventKey().orElse("");
    }

    /**
     * The user followed the account; through a parameter QR code when {@code eventKey} is {@code qrscene_<scene>}.
     */
    record Subscribe(Header header, Optional<String> eventKey, Optional<String> ticket) implements InboundEvent {
        @Override
        public String event() {
            return "subscribe";
        }

        /** The QR scene value without the {@code qrscene_} prefix, when the user came through a QR code. */
        public Optional<String> qrScene() {
            return eventKey.filter(k -> k.startsWith("qrscene_")).map(k -> k.substring("qrscene_".length()));
        }
    }

    /** The user unfollowed the account; the doc asks us to delete that user's data. */
    record Unsubscribe(Header header) implements InboundEvent {
        @Override
        public String event() {
            return "unsubscribe";
        }

        @Override
        public Optional<String> eventKey() {
            return Optional.empty();
        }
    }

    /** A click on a menu button; {@code key} is the button's configured key. */
    record MenuClick(Header header, String key) implements InboundEvent {
        @Override
        public String event() {
            return "CLICK";
        }

        @Override
        public Optional<String> eventKey() {
            return Optional.of(key);
        }
    }

    /** A follower scanned a parameter QR code; {@code scene} is the scene value. */
    record QrScan(Header header, String scene, Optional<String> ticket) implements InboundEvent {
        @Override
        public String event() {
            return "SCAN";
        }

        @Override
        public Optional<String> eventKey() {
            return Optional.of(scene);
        }
    }

    /**
     * The final delivery result of a template message we sent.
     *
     * @param templateMsgId the {@code msgid} that {@code message/template/send} returned
     * @param rawStatus     the {@code Status} as sent, for the record
     */
    record TemplateSendJobFinished(Header header, long templateMsgId, TemplateDeliveryStatus status, String rawStatus)
            implements InboundEvent {
        @Override
        public String event() {
            return "TEMPLATESENDJOBFINISH";
        }

        @Override
        public Optional<String> eventKey() {
            return Optional.empty();
        }
    }

    /** Any other event (VIEW, LOCATION, subscribe-message events…): acknowledged, not acted on. */
    record Other(Header header, String event, Optional<String> eventKey) implements InboundEvent {
    }
}
