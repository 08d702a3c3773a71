package io.feedbackbot.wechat.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feedbackbot.wechat.Fixtures;
import io.feedbackbot.wechat.WeChatVectors.W1;
import io.feedbackbot.wechat.WeChatVectors.W2;
import io.feedbackbot.wechat.crypto.EncodingAesKey;
import io.feedbackbot.wechat.crypto.MessageCipher;
import io.feedbackbot.wechat.inbound.InboundMessage;
import io.feedbackbot.wechat.signature.WeChatSignature;
import io.feedbackbot.wechat.xml.SafeXmlReader;
import io.feedbackbot.wechat.xml.XmlFields;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeChatWebhookTest {

    private static final EncodingAesKey KEY = EncodingAesKey.parse(W2.AES_KEY);
    private static final Instant W2_NOW = Instant.ofEpochSecond(Long.parseLong(W2.TIMESTAMP));
    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);
    private static final String NONCE = "1320562132";

    private final WeChatWebhook safe = new WeChatWebhook(WebhookKeys.safe(W2.APP_ID, W2.TOKEN, KEY));
    private final WeChatWebhook plain = new WeChatWebhook(WebhookKeys.plain(W2.APP_ID, W2.TOKEN));
    private final WeChatWebhook compatible = new WeChatWebhook(WebhookKeys.compatible(W2.APP_ID, W2.TOKEN, KEY));

    private static Map<String, String> signedQuery(String token, String timestamp, String nonce) {
        Map<String, String> query = new HashMap<>();
        query.put("signature", WeChatSignature.compute(token, timestamp, nonce));
        query.put("timestamp", timestamp);
        query.put("nonce", nonce);
        query.put("openid", "oyORnuP8q7ou2gfYjqLzSIWZf0rs");
        return query;
    }

    private static Map<String, String> safeQuery(String token, String timestamp, String nonce, String encrypt) {
        Map<String, String> query = signedQuery(token, timestamp, nonce);
        query.put("encrypt_type", "aes");
        query.put("msg_signature", WeChatSignature.compute(token, timestamp, nonce, encrypt));
        return query;
    }

    private static byte[] envelope(String encrypt) {
        return ("<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName><Encrypt><![CDATA[" + encrypt
                + "]]></Encrypt></xml>").getBytes(StandardCharsets.UTF_8);
    }

    private static Rejection rejection(Object outcome) {
        return assertInstanceOf(Rejected.class, outcome).rejection();
    }

    // --- GET verification

    @Test
    void urlVerificationW1EchoesEchostrUnchanged() {
        Map<String, String> query = new HashMap<>(Map.of("signature", W1.SIGNATURE, "timestamp", W1.TIMESTAMP,
                "nonce", W1.NONCE, "echostr", "5927782489442352469 +/="));
        WeChatWebhook webhook = new WeChatWebhook(WebhookKeys.plain("wx1", W1.TOKEN));

        UrlVerification result = webhook.verifyUrl(query, Instant.ofEpochSecond(Long.parseLong(W1.TIMESTAMP)));

        assertEquals(new UrlVerification.Verified("5927782489442352469 +/="), result);
    }

    @Test
    void urlVerificationWithTheW1MustFailSignatureIsForbidden() {
        Map<String, String> query = Map.of("signature", W1.WRONG_SIGNATURE, "timestamp", W1.TIMESTAMP,
                "nonce", W1.NONCE, "echostr", "x");
        WeChatWebhook webhook = new WeChatWebhook(WebhookKeys.plain("wx1", W1.TOKEN));

        Rejected rejected = assertInstanceOf(Rejected.class,
                webhook.verifyUrl(query, Instant.ofEpochSecond(Long.parseLong(W1.TIMESTAMP))));

        assertEquals(Rejection.BAD_SIGNATURE, rejected.rejection());
        assertEquals(403, rejected.rejection().httpStatus());
    }

    @Test
    void urlVerificationWithAStaleTimestampIsForbidden() {
        Map<String, String> query = Map.of("signature", W1.SIGNATURE, "timestamp", W1.TIMESTAMP,
                "nonce", W1.NONCE, "echostr", "x");
        WeChatWebhook webhook = new WeChatWebhook(WebhookKeys.plain("wx1", W1.TOKEN));
        assertEquals(Rejection.STALE_TIMESTAMP, rejection(webhook.verifyUrl(query, NOW)));
    }

    // --- plain mode

    @Test
    void aSignedPlainTextPushIsAcceptedForAPlainReply() {
        InboundDecoding result = plain.decode(signedQuery(W2.TOKEN, "1700000000", NONCE),
                Fixtures.bytes("inbound/text.xml"), NOW);

        InboundDecoding.Accepted accepted = assertInstanceOf(InboundDecoding.Accepted.class, result);
        assertEquals(ReplyMode.PLAIN, accepted.replyMode());
        assertEquals("9分，配送太慢了", ((InboundMessage.Text) accepted.message()).content());
    }

    @Test
    void aPlainReplyIsAddressedBackToTheSender() throws Exception {
        InboundDecoding.Accepted accepted = (InboundDecoding.Accepted) plain.decode(
                signedQuery(W2.TOKEN, "1700000000", NONCE), Fixtures.bytes("inbound/text.xml"), NOW);

        XmlFields reply = SafeXmlReader.read(plain.reply(accepted, "谢谢！", NOW.plusSeconds(2)));

        assertEquals(Optional.of("oyORnuP8q7ou2gfYjqLzSIWZf0rs"), reply.get("ToUserName"));
        assertEquals(Optional.of("gh_10f6c3c3ac5a"), reply.get("FromUserName"));
        assertEquals(Optional.of("1700000002"), reply.get("CreateTime"));
        assertEquals(Optional.of("谢谢！"), reply.get("Content"));
    }

    @Test
    void aBadSignatureIsForbidden() {
        Map<String, String> query = signedQuery(W2.TOKEN, "1700000000", NONCE);
        query.put("nonce", "1320562133");
        assertEquals(Rejection.BAD_SIGNATURE, rejection(plain.decode(query, Fixtures.bytes("inbound/text.xml"), NOW)));
    }

    @Test
    void missingSignatureParametersAreForbidden() {
        Map<String, String> query = signedQuery(W2.TOKEN, "1700000000", NONCE);
        query.remove("signature");
        Rejected rejected = assertInstanceOf(Rejected.class, plain.decode(query, Fixtures.bytes("inbound/text.xml"), NOW));
        assertEquals(403, rejected.rejection().httpStatus());
    }

    @Test
    void aTimestampMoreThanFiveMinutesAwayIsForbiddenEvenWhenSigned() {
        Map<String, String> query = signedQuery(W2.TOKEN, "1699999699", NONCE);
        assertEquals(Rejection.STALE_TIMESTAMP, rejection(plain.decode(query, Fixtures.bytes("inbound/text.xml"), NOW)));
        Map<String, String> edge = signedQuery(W2.TOKEN, "1699999700", NONCE);
        assertInstanceOf(InboundDecoding.Accepted.class, plain.decode(edge, Fixtures.bytes("inbound/text.xml"), NOW));
    }

    @Test
    void malformedXmlIsABadRequest() {
        Rejected rejected = assertInstanceOf(Rejected.class, plain.decode(
                signedQuery(W2.TOKEN, "1700000000", NONCE), "<xml><Content>".getBytes(StandardCharsets.UTF_8), NOW));
        assertEquals(Rejection.MALFORMED_XML, rejected.rejection());
        assertEquals(400, rejected.rejection().httpStatus());
    }

    @Test
    void aBodyOverSixtyFourKibIsTooLargeBeforeAnythingElseIsLookedAt() {
        byte[] body = new byte[64 * 1024 + 1];
        Rejected rejected = assertInstanceOf(Rejected.class, plain.decode(Map.of(), body, NOW));
        assertEquals(Rejection.BODY_TOO_LARGE, rejected.rejection());
        assertEquals(413, rejected.rejection().httpStatus());
    }

    @Test
    void aBodyOfExactlySixtyFourKibIsRead() {
        String text = Fixtures.text("inbound/text.xml");
        String padded = text.replace("</xml>", " ".repeat(64 * 1024 - text.getBytes(StandardCharsets.UTF_8).length)
                + "</xml>");
        byte[] body = padded.getBytes(StandardCharsets.UTF_8);
        assertEquals(64 * 1024, body.length);
        assertInstanceOf(InboundDecoding.Accepted.class,
                plain.decode(signedQuery(W2.TOKEN, "1700000000", NONCE), body, NOW));
    }

    @Test
    void anXxePayloadIsABadRequestAndNoFileIsRead(@TempDir Path dir) throws Exception {
        String secret = "TOP-SECRET-" + UUID.randomUUID();
        Path file = dir.resolve("secret.txt");
        Files.writeString(file, secret);
        String payload = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM \"" + file.toUri() + "\">]>"
                + "<xml><ToUserName>gh_1</ToUserName><FromUserName>oyORnuP8q7ou2gfYjqLzSIWZf0rs</FromUserName>"
                + "<CreateTime>1700000000</CreateTime><MsgType>text</MsgType><Content>&xxe;</Content>"
                + "<MsgId>1</MsgId></xml>";

        Rejected plainResult = assertInstanceOf(Rejected.class, plain.decode(
                signedQuery(W2.TOKEN, "1700000000", NONCE), payload.getBytes(StandardCharsets.UTF_8), NOW));
        String encrypt = new MessageCipher(KEY, W2.APP_ID).encrypt(payload);
        Rejected safeResult = assertInstanceOf(Rejected.class, safe.decode(
                safeQuery(W2.TOKEN, "1700000000", NONCE, encrypt), envelope(encrypt), NOW));

        for (Rejected rejected : new Rejected[] {plainResult, safeResult}) {
            assertEquals(Rejection.MALFORMED_XML, rejected.rejection());
            assertFalse(rejected.toString().contains(secret), rejected.toString());
        }
    }

    // --- safe mode

    @Test
    void theOfficialSafeModeSampleW2IsAcceptedWithAllItsFields() {
        Map<String, String> query = signedQuery(W2.TOKEN, W2.TIMESTAMP, W2.NONCE);
        query.put("encrypt_type", "aes");
        query.put("msg_signature", W2.MSG_SIGNATURE);

        InboundDecoding result = safe.decode(query, envelope(W2.ENCRYPT), W2_NOW);

        InboundDecoding.Accepted accepted = assertInstanceOf(InboundDecoding.Accepted.class, result);
        assertEquals(ReplyMode.ENCRYPTED, accepted.replyMode());
        assertEquals(new InboundMessage.Text(
                new InboundMessage.Header(W2.TO_USER, W2.FROM_USER, W2.CREATE_TIME), W2.CONTENT, Long.toString(W2.MSG_ID)),
                accepted.message());
    }

    @Test
    void aSafeModeReplyIsEncryptedSignedAndDecryptsToThePassiveReply() throws Exception {
        Map<String, String> query = signedQuery(W2.TOKEN, W2.TIMESTAMP, W2.NONCE);
        query.put("encrypt_type", "aes");
        query.put("msg_signature", W2.MSG_SIGNATURE);
        InboundDecoding.Accepted accepted = (InboundDecoding.Accepted) safe.decode(query, envelope(W2.ENCRYPT), W2_NOW);

        XmlFields envelope = SafeXmlReader.read(safe.reply(accepted, "请为我们打分 0-10", W2_NOW));

        String encrypt = envelope.require("Encrypt");
        assertTrue(WeChatSignature.matches(envelope.require("MsgSignature"), W2.TOKEN, envelope.require("TimeStamp"),
                envelope.require("Nonce"), encrypt));
        XmlFields reply = SafeXmlReader.read(new MessageCipher(KEY, W2.APP_ID).decrypt(encrypt).messageOrThrow());
        assertEquals(Optional.of(W2.FROM_USER), reply.get("ToUserName"));
        assertEquals(Optional.of("请为我们打分 0-10"), reply.get("Content"));
    }

    @Test
    void aBadMsgSignatureIsForbidden() {
        Map<String, String> query = signedQuery(W2.TOKEN, W2.TIMESTAMP, W2.NONCE);
        query.put("encrypt_type", "aes");
        query.put("msg_signature", "5d197aaffba7e9b25a30732f161a50dee96bd5fb");
        assertEquals(Rejection.BAD_MSG_SIGNATURE, rejection(safe.decode(query, envelope(W2.ENCRYPT), W2_NOW)));
    }

    @Test
    void aMessageEncryptedForAnotherAppIdIsForbidden() {
        String encrypt = new MessageCipher(KEY, "wxforeignforeign").encrypt(Fixtures.text("inbound/text.xml"));
        Rejected rejected = assertInstanceOf(Rejected.class,
                safe.decode(safeQuery(W2.TOKEN, "1700000000", NONCE, encrypt), envelope(encrypt), NOW));
        assertEquals(Rejection.FOREIGN_APPID, rejected.rejection());
        assertEquals(403, rejected.rejection().httpStatus());
    }

    @Test
    void aSignedButUndecryptableEncryptIsABadRequest() {
        String encrypt = "AAAA" + W2.ENCRYPT.substring(4);
        assertEquals(Rejection.UNDECRYPTABLE,
                rejection(safe.decode(safeQuery(W2.TOKEN, "1700000000", NONCE, encrypt), envelope(encrypt), NOW)));
    }

    @Test
    void aSafeModeAccountRefusesPlainPushes() {
        assertEquals(Rejection.ENCRYPTION_REQUIRED, rejection(
                safe.decode(signedQuery(W2.TOKEN, "1700000000", NONCE), Fixtures.bytes("inbound/text.xml"), NOW)));
    }

    @Test
    void aPlainAccountCannotReadEncryptedPushes() {
        assertEquals(Rejection.NO_AES_KEY, rejection(plain.decode(
                safeQuery(W2.TOKEN, W2.TIMESTAMP, W2.NONCE, W2.ENCRYPT), envelope(W2.ENCRYPT), W2_NOW)));
    }

    @Test
    void anEncryptedPushWithoutEncryptIsMalformed() {
        assertEquals(Rejection.MALFORMED_XML, rejection(safe.decode(
                safeQuery(W2.TOKEN, "1700000000", NONCE, ""), Fixtures.bytes("inbound/text.xml"), NOW)));
    }

    @Test
    void anUnknownEncryptTypeIsABadRequest() {
        Map<String, String> query = signedQuery(W2.TOKEN, "1700000000", NONCE);
        query.put("encrypt_type", "rot13");
        assertEquals(Rejection.UNSUPPORTED_ENCRYPT_TYPE,
                rejection(compatible.decode(query, Fixtures.bytes("inbound/text.xml"), NOW)));
    }

    // --- compatible mode

    @Test
    void compatibleModeUsesTheEncryptedCopyWhenEncryptTypeIsAes() {
        String encrypted = new MessageCipher(KEY, W2.APP_ID).encrypt(Fixtures.text("inbound/click.xml"));
        String both = Fixtures.text("inbound/text.xml").replace("</xml>",
                "<Encrypt><![CDATA[" + encrypted + "]]></Encrypt></xml>");

        InboundDecoding result = compatible.decode(safeQuery(W2.TOKEN, "1700000000", NONCE, encrypted),
                both.getBytes(StandardCharsets.UTF_8), NOW);

        InboundDecoding.Accepted accepted = assertInstanceOf(InboundDecoding.Accepted.class, result);
        assertEquals(ReplyMode.ENCRYPTED, accepted.replyMode());
        assertEquals("CLICK", ((io.feedbackbot.wechat.inbound.InboundEvent) accepted.message()).event());
    }

    @Test
    void compatibleModeReadsThePlainCopyWithoutEncryptType() {
        String both = Fixtures.text("inbound/text.xml").replace("</xml>", "<Encrypt><![CDATA[xyz]]></Encrypt></xml>");
        InboundDecoding.Accepted accepted = assertInstanceOf(InboundDecoding.Accepted.class, compatible.decode(
                signedQuery(W2.TOKEN, "1700000000", NONCE), both.getBytes(StandardCharsets.UTF_8), NOW));
        assertEquals(ReplyMode.PLAIN, accepted.replyMode());
    }

    // --- keys

    @Test
    void safeModeKeysWithoutAnAesKeyAreRefusedAtConstruction() {
        assertThrows(IllegalArgumentException.class,
                () -> new WebhookKeys(W2.APP_ID, W2.TOKEN, Optional.empty(), true));
    }

    @Test
    void keysNeverShowTheTokenInLogs() {
        assertFalse(WebhookKeys.safe(W2.APP_ID, W2.TOKEN, KEY).toString().contains(W2.TOKEN));
    }
}
