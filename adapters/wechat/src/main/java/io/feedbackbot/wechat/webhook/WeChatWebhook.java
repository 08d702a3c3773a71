package io.feedbackbot.wechat.webhook;

import io.feedbackbot.wechat.crypto.DecryptResult;
import io.feedbackbot.wechat.crypto.MessageCipher;
import io.feedbackbot.wechat.inbound.InboundMessage;
import io.feedbackbot.wechat.inbound.InboundMessageParser;
import io.feedbackbot.wechat.reply.EncryptedReply;
import io.feedbackbot.wechat.reply.PassiveReply;
import io.feedbackbot.wechat.signature.TimestampWindow;
import io.feedbackbot.wechat.signature.WeChatSignature;
import io.feedbackbot.wechat.xml.MalformedXmlException;
import io.feedbackbot.wechat.xml.SafeXmlReader;
import io.feedbackbot.wechat.xml.XmlFields;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The protocol side of one account's webhook, without HTTP: checks a GET verification or a POST push (size,
 * signature, freshness, msg_signature, decryption, appid, XML) and writes passive replies in the mode the push
 * came in. Pure apart from the randomness of encrypted replies: the caller passes {@code now}; nothing is stored.
 * Thread-safe.
 */
public final class WeChatWebhook {

    /** The body limit the issue asks for. */
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;

    private final WebhookKeys keys;
    private final TimestampWindow window;
    private final int maxBodyBytes;
    private final Optional<MessageCipher> cipher;

    public WeChatWebhook(WebhookKeys keys) {
        this(keys, TimestampWindow.DEFAULT, DEFAULT_MAX_BODY_BYTES);
    }

    public WeChatWebhook(WebhookKeys keys, TimestampWindow window, int maxBodyBytes) {
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
        this.keys = keys;
        this.window = window;
        this.maxBodyBytes = maxBodyBytes;
        this.cipher = keys.aesKey().map(key -> new MessageCipher(key, keys.appId()));
    }

    /** GET: {@code signature}, {@code timestamp}, {@code nonce}, {@code echostr}. */
    public UrlVerification verifyUrl(Map<String, String> query, Instant now) {
        Optional<Rejected> refused = checkSignature(query, now);
        if (refused.isPresent()) {
            return refused.get();
        }
        String echostr = query.get("echostr");
        if (echostr == null || echostr.isEmpty()) {
            return new Rejected(Rejection.MISSING_ECHOSTR);
        }
        return new UrlVerification.Verified(echostr);
    }

    /** POST: the query parameters (first value of each) and the raw body. */
    public InboundDecoding decode(Map<String, String> query, byte[] body, Instant now) {
        if (body.length > maxBodyBytes) {
            return new Rejected(Rejection.BODY_TOO_LARGE, body.length + " bytes, limit " + maxBodyBytes);
        }
        Optional<Rejected> refused = checkSignature(query, now);
        if (refused.isPresent()) {
            return refused.get();
        }
        String encryptType = query.getOrDefault("encrypt_type", "raw");
        if (!encryptType.equals("aes") && !encryptType.equals("raw")) {
            return new Rejected(Rejection.UNSUPPORTED_ENCRYPT_TYPE);
        }
        if (encryptType.equals("raw") && keys.encryptionRequired()) {
            return new Rejected(Rejection.ENCRYPTION_REQUIRED);
        }
        try {
            XmlFields outer = SafeXmlReader.read(body);
            if (encryptType.equals("raw")) {
                return new InboundDecoding.Accepted(InboundMessageParser.parse(outer), ReplyMode.PLAIN);
            }
            return decrypted(query, outer);
        } catch (MalformedXmlException e) {
            return new Rejected(Rejection.MALFORMED_XML, e.getMessage());
        }
    }

    private InboundDecoding decrypted(Map<String, String> query, XmlFields outer) throws MalformedXmlException {
        if (cipher.isEmpty()) {
            return new Rejected(Rejection.NO_AES_KEY);
        }
        Optional<String> encrypt = outer.nonBlank("Encrypt");
        if (encrypt.isEmpty()) {
            return new Rejected(Rejection.MALFORMED_XML, "missing <Encrypt>");
        }
        if (!WeChatSignature.matches(query.get("msg_signature"), keys.token(), query.get("timestamp"),
                query.get("nonce"), encrypt.get())) {
            return new Rejected(Rejection.BAD_MSG_SIGNATURE);
        }
        DecryptResult result = cipher.get().decrypt(encrypt.get());
        if (result instanceof DecryptResult.Decrypted d) {
            InboundMessage message = InboundMessageParser.parse(d.message().getBytes(StandardCharsets.UTF_8));
            return new InboundDecoding.Accepted(message, ReplyMode.ENCRYPTED);
        }
        if (result instanceof DecryptResult.ForeignAppId f) {
            return new Rejected(Rejection.FOREIGN_APPID, "appid " + f.appId());
        }
        return new Rejected(Rejection.UNDECRYPTABLE, ((DecryptResult.Corrupt) result).reason().description());
    }

    private Optional<Rejected> checkSignature(Map<String, String> query, Instant now) {
        String signature = query.get("signature");
        String timestamp = query.get("timestamp");
        String nonce = query.get("nonce");
        if (signature == null || timestamp == null || nonce == null) {
            return Optional.of(new Rejected(Rejection.MISSING_SIGNATURE));
        }
        if (!WeChatSignature.matches(signature, keys.token(), timestamp, nonce)) {
            return Optional.of(new Rejected(Rejection.BAD_SIGNATURE));
        }
        if (!window.isFresh(timestamp, now)) {
            return Optional.of(new Rejected(Rejection.STALE_TIMESTAMP, "timestamp " + timestamp));
        }
        return Optional.empty();
    }

    /** The passive text reply body for an accepted push, encrypted and signed when the push was encrypted. */
    public String reply(InboundDecoding.Accepted accepted, String text, Instant now) {
        String xml = PassiveReply.text(accepted.message(), text, now);
        if (accepted.replyMode() == ReplyMode.PLAIN) {
            return xml;
        }
        return EncryptedReply.seal(requireCipher(), keys.token(), xml, now.getEpochSecond());
    }

    /** Deterministic variant of {@link #reply(InboundDecoding.Accepted, String, Instant)} for tests. */
    public String reply(InboundDecoding.Accepted accepted, String text, Instant now, String nonce, byte[] random16) {
        String xml = PassiveReply.text(accepted.message(), text, now);
        if (accepted.replyMode() == ReplyMode.PLAIN) {
            return xml;
        }
        return EncryptedReply.seal(requireCipher(), keys.token(), xml, Long.toString(now.getEpochSecond()), nonce,
                random16);
    }

    private MessageCipher requireCipher() {
        return cipher.orElseThrow(() -> new IllegalStateException("encrypted reply without an EncodingAESKey"));
    }
}
