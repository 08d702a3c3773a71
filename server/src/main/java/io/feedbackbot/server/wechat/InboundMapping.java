package io.feedbackbot.server.wechat;

import io.feedbackbot.core.message.InboundContent;
import io.feedbackbot.wechat.inbound.InboundEvent;
import io.feedbackbot.wechat.inbound.InboundMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * What of a WeChat push goes to the conversation engine, and under which message id: text as text, other
 * message types as media (the dialog asks for text), follow / unfollow / menu click / QR scan as events. Template
 * delivery reports and the events the bot does not act on (VIEW, LOCATION…) do not go to the engine.
 */
final class InboundMapping {

    /** The engine's limit on message ids. */
    private static final int MAX_ID = 200;

    private InboundMapping() {
    }

    /** The content for the engine, or empty when the push is not a conversation message. */
    static Optional<InboundContent> content(InboundMessage message) {
        if (message instanceof InboundMessage.Text text) {
            return Optional.of(new InboundContent.Text(text.content()));
        }
        if (message instanceof InboundMessage.NonText other) {
            return Optional.of(new InboundContent.Media(other.msgType().toLowerCase(Locale.ROOT)));
        }
        if (message instanceof InboundEvent.Subscribe || message instanceof InboundEvent.Unsubscribe
                || message instanceof InboundEvent.MenuClick || message instanceof InboundEvent.QrScan) {
            InboundEvent event = (InboundEvent) message;
            return Optional.of(new InboundContent.Event(event.event(), event.eventKey().orElse(null)));
        }
        return Optional.empty();
    }

    /** Whether the follower wrote something (which opens their 48-hour customer-service window). */
    static boolean isUserMessage(InboundMessage message) {
        return message instanceof InboundMessage.Text || message instanceof InboundMessage.NonText;
    }

    /**
     * The adapter's dedupe key (equal for WeChat's retries); the conversation key already scopes it to the
     * account and follower. Keys longer than the engine accepts (a long menu key) are hashed.
     */
    static String messageId(InboundMessage message) {
        String id = message.dedupeKey();
        if (id.length() <= MAX_ID) {
            return id;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return id.substring(0, 4) + "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
