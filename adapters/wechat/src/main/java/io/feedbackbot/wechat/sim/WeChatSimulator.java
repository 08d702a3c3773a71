package io.feedbackbot.wechat.sim;

import io.feedbackbot.wechat.crypto.DecryptResult;
import io.feedbackbot.wechat.crypto.MessageCipher;
import io.feedbackbot.wechat.reply.EncryptedReply;
import io.feedbackbot.wechat.signature.WeChatSignature;
import io.feedbackbot.wechat.xml.Cdata;
import io.feedbackbot.wechat.xml.MalformedXmlException;
import io.feedbackbot.wechat.xml.SafeXmlReader;
import io.feedbackbot.wechat.xml.XmlFields;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Plays WeChat against our webhook: builds pushes signed (and in safe or compatible mode encrypted) exactly as
 * WeChat does, posts them, and checks replies as WeChat would (msg_signature, appid, addressing). Used by the
 * {@code wechat-sim} CLI and by end-to-end tests. Thread-safe.
 */
public final class WeChatSimulator {

    private static final MediaType XML = MediaType.get("text/xml; charset=utf-8");

    private final OkHttpClient http;
    private final SimulatorSettings settings;
    private final Clock clock;
    private final Optional<MessageCipher> cipher;
    private final SecureRandom random = new SecureRandom();

    public WeChatSimulator(OkHttpClient http, SimulatorSettings settings, Clock clock) {
        this.http = http;
        this.settings = settings;
        this.clock = clock;
        this.cipher = settings.aesKey().map(key -> new MessageCipher(key, settings.appId()));
    }

    /** A text message with a fresh MsgId, timestamp and nonce. */
    public SimulatedPush text(String content) {
        return text(content, random.nextLong() & Long.MAX_VALUE, clock.instant(), EncryptedReply.newNonce());
    }

    /** A text message, deterministic apart from the encryption's random prefix. */
    public SimulatedPush text(String content, long msgId, Instant at, String nonce) {
        String xml = "<xml>" + header(at) + "<MsgType><![CDATA[text]]></MsgType>"
                + "<Content>" + Cdata.wrap(content) + "</Content><MsgId>" + msgId + "</MsgId></xml>";
        return push(xml, at, nonce);
    }

    /** An event ({@code subscribe}, {@code CLICK}, {@code SCAN}…), now. */
    public SimulatedPush event(String event, Optional<String> eventKey) {
        return event(event, eventKey, clock.instant(), EncryptedReply.newNonce());
    }

    /** An event, deterministic apart from the encryption's random prefix. */
    public SimulatedPush event(String event, Optional<String> eventKey, Instant at, String nonce) {
        String xml = "<xml>" + header(at) + "<MsgType><![CDATA[event]]></MsgType>"
                + "<Event>" + Cdata.wrap(event) + "</Event>"
                + eventKey.map(k -> "<EventKey>" + Cdata.wrap(k) + "</EventKey>").orElse("") + "</xml>";
        return push(xml, at, nonce);
    }

    /** An image message with a fresh MsgId, now (the bot answers it by asking for text). */
    public SimulatedPush image() {
        Instant at = clock.instant();
        String xml = "<xml>" + header(at) + "<MsgType><![CDATA[image]]></MsgType>"
                + "<PicUrl><![CDATA[http://mmbiz.qpic.cn/simulated]]></PicUrl>"
                + "<MediaId><![CDATA[simulated-media]]></MediaId><MsgId>" + (random.nextLong() & Long.MAX_VALUE)
                + "</MsgId></xml>";
        return push(xml, at, EncryptedReply.newNonce());
    }

    /**
     * Any body, signed (and encrypted in safe and compatible mode) exactly like the pushes above: for message types
     * this class does not build, and for hostile documents that must be refused after decryption.
     */
    public SimulatedPush raw(String plainXml) {
        return push(plainXml, clock.instant(), EncryptedReply.newNonce());
    }

    /** Posts a push and checks the reply. */
    public SimulatorReply post(SimulatedPush push) throws IOException {
        Request request = new Request.Builder().url(push.url()).post(RequestBody.create(push.body(), XML)).build();
        try (Response response = http.newCall(request).execute()) {
            String body = response.body() == null ? "" : response.body().string();
            if (response.code() != 200) {
                return new SimulatorReply.Refused(response.code(), body);
            }
            return readReply(body);
        }
    }

    /** Checks a 200 reply body as WeChat would. */
    public SimulatorReply readReply(String body) {
        if (body.isEmpty() || body.equals("success")) {
            return new SimulatorReply.Acknowledged();
        }
        try {
            XmlFields fields = SafeXmlReader.read(body);
            Optional<String> encrypt = fields.nonBlank("Encrypt");
            if (encrypt.isPresent()) {
                return encrypted(fields, encrypt.get());
            }
            if (settings.mode() == SimulatorMode.SAFE) {
                return new SimulatorReply.Invalid("plain reply in safe mode");
            }
            return text(fields, false);
        } catch (MalformedXmlException e) {
            return new SimulatorReply.Invalid(e.getMessage());
        }
    }

    private SimulatorReply encrypted(XmlFields envelope, String encrypt) throws MalformedXmlException {
        if (cipher.isEmpty()) {
            return new SimulatorReply.Invalid("encrypted reply but the account is in plain mode");
        }
        if (!WeChatSignature.matches(envelope.get("MsgSignature").orElse(null), settings.token(),
                envelope.get("TimeStamp").orElse(null), envelope.get("Nonce").orElse(null), encrypt)) {
            return new SimulatorReply.Invalid("reply MsgSignature does not match");
        }
        DecryptResult result = cipher.get().decrypt(encrypt);
        if (!(result instanceof DecryptResult.Decrypted decrypted)) {
            return new SimulatorReply.Invalid("reply does not decrypt for our appid: " + result);
        }
        return text(SafeXmlReader.read(decrypted.message()), true);
    }

    private SimulatorReply text(XmlFields reply, boolean encrypted) throws MalformedXmlException {
        if (!reply.require("ToUserName").equals(settings.openId())
                || !reply.require("FromUserName").equals(settings.accountOriginalId())) {
            return new SimulatorReply.Invalid("reply is not addressed from the account to the user");
        }
        reply.requireLong("CreateTime");
        if (!reply.require("MsgType").equals("text")) {
            return new SimulatorReply.Invalid("reply of type " + reply.require("MsgType") + " is not shown as text");
        }
        return new SimulatorReply.Text(reply.get("Content").orElse(""), encrypted);
    }

    private String header(Instant at) {
        return "<ToUserName>" + Cdata.wrap(settings.accountOriginalId()) + "</ToUserName>"
                + "<FromUserName>" + Cdata.wrap(settings.openId()) + "</FromUserName>"
                + "<CreateTime>" + at.getEpochSecond() + "</CreateTime>";
    }

    private SimulatedPush push(String plainXml, Instant at, String nonce) {
        String timestamp = Long.toString(at.getEpochSecond());
        HttpUrl.Builder url = settings.webhookUrl().newBuilder()
                .addQueryParameter("signature", WeChatSignature.compute(settings.token(), timestamp, nonce))
                .addQueryParameter("timestamp", timestamp)
                .addQueryParameter("nonce", nonce)
                .addQueryParameter("openid", settings.openId());
        if (settings.mode() == SimulatorMode.PLAIN) {
            return new SimulatedPush(url.build(), plainXml, plainXml);
        }
        String encrypt = cipher.orElseThrow().encrypt(plainXml);
        url.addQueryParameter("encrypt_type", "aes")
                .addQueryParameter("msg_signature", WeChatSignature.compute(settings.token(), timestamp, nonce, encrypt));
        String encryptElement = "<Encrypt>" + Cdata.wrap(encrypt) + "</Encrypt>";
        String body = settings.mode() == SimulatorMode.SAFE
                ? "<xml><ToUserName>" + Cdata.wrap(settings.accountOriginalId()) + "</ToUserName>" + encryptElement
                        + "</xml>"
                : plainXml.substring(0, plainXml.lastIndexOf("</xml>")) + encryptElement + "</xml>";
        return new SimulatedPush(url.build(), body, plainXml);
    }
}
