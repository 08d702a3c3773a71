package io.feedbackbot.wechat.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feedbackbot.wechat.WeChatVectors.W2;
import io.feedbackbot.wechat.crypto.EncodingAesKey;
import io.feedbackbot.wechat.crypto.MessageCipher;
import io.feedbackbot.wechat.inbound.InboundEvent;
import io.feedbackbot.wechat.inbound.InboundMessage;
import io.feedbackbot.wechat.inbound.NonTextKind;
import io.feedbackbot.wechat.reply.EncryptedReply;
import io.feedbackbot.wechat.reply.PassiveReply;
import io.feedbackbot.wechat.signature.WeChatSignature;
import io.feedbackbot.wechat.testing.MutableClock;
import io.feedbackbot.wechat.webhook.InboundDecoding;
import io.feedbackbot.wechat.webhook.Rejected;
import io.feedbackbot.wechat.webhook.WeChatWebhook;
import io.feedbackbot.wechat.webhook.WebhookKeys;
import io.feedbackbot.wechat.xml.SafeXmlReader;
import io.feedbackbot.wechat.xml.XmlFields;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WeChatSimulatorTest {

    private static final EncodingAesKey KEY = EncodingAesKey.parse(W2.AES_KEY);
    private static final String OPENID = "oyORnuP8q7ou2gfYjqLzSIWZf0rs";
    private static final String GH = "gh_10f6c3c3ac5a";
    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);

    private final MockWebServer server = new MockWebServer();
    private final MutableClock clock = new MutableClock(NOW);
    private final OkHttpClient http = new OkHttpClient();

    /** Our webhook protocol behind a local HTTP server: what the lead's Netty handler will do. */
    private static final class WebhookServer extends Dispatcher {
        final WeChatWebhook webhook;
        final Supplier<Instant> clock;
        final List<InboundMessage> accepted = new ArrayList<>();
        Function<InboundMessage, Optional<String>> answer = m -> Optional.of("收到");

        WebhookServer(WeChatWebhook webhook, Supplier<Instant> clock) {
            this.webhook = webhook;
            this.clock = clock;
        }

        @Override
        public synchronized MockResponse dispatch(RecordedRequest request) {
            HttpUrl url = request.getRequestUrl();
            Map<String, String> query = new HashMap<>();
            for (String name : url.queryParameterNames()) {
                query.put(name, url.queryParameter(name));
            }
            InboundDecoding decoding = webhook.decode(query, request.getBody().readByteArray(), clock.get());
            if (decoding instanceof Rejected rejected) {
                return new MockResponse().setResponseCode(rejected.rejection().httpStatus())
                        .setBody(rejected.rejection().reason());
            }
            InboundDecoding.Accepted ok = (InboundDecoding.Accepted) decoding;
            accepted.add(ok.message());
            return new MockResponse().setBody(answer.apply(ok.message())
                    .map(text -> webhook.reply(ok, text, clock.get()))
                    .orElse(PassiveReply.ACK));
        }
    }

    private WebhookServer backend;

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    private WeChatSimulator simulator(SimulatorMode mode, WebhookKeys keys) {
        backend = new WebhookServer(new WeChatWebhook(keys), clock::instant);
        server.setDispatcher(backend);
        Optional<EncodingAesKey> key = mode == SimulatorMode.PLAIN ? Optional.empty() : Optional.of(KEY);
        return new WeChatSimulator(http, new SimulatorSettings(server.url("/webhooks/wechat/main"), W2.TOKEN, key,
                W2.APP_ID, GH, OPENID, mode), clock);
    }

    private static WebhookKeys keysFor(SimulatorMode mode) {
        return switch (mode) {
            case PLAIN -> WebhookKeys.plain(W2.APP_ID, W2.TOKEN);
            case COMPATIBLE -> WebhookKeys.compatible(W2.APP_ID, W2.TOKEN, KEY);
            case SAFE -> WebhookKeys.safe(W2.APP_ID, W2.TOKEN, KEY);
        };
    }

    @ParameterizedTest(name = "{0} mode: a text round-trips through the webhook")
    @EnumSource(SimulatorMode.class)
    void aTextRoundTripsThroughTheWebhookInEveryMode(SimulatorMode mode) throws Exception {
        WeChatSimulator sim = simulator(mode, keysFor(mode));
        backend.answer = m -> Optional.of("您说: " + ((InboundMessage.Text) m).content());

        SimulatorReply reply = sim.post(sim.text("九分 ]]> <b>"));

        assertEquals(new SimulatorReply.Text("您说: 九分 ]]> <b>", mode != SimulatorMode.PLAIN), reply);
        InboundMessage.Text received = assertInstanceOf(InboundMessage.Text.class, backend.accepted.get(0));
        assertEquals(OPENID, received.header().fromUserName());
        assertEquals(GH, received.header().toUserName());
    }

    @Test
    void aSafeModePushHasWeChatsQueryAndEnvelope() throws Exception {
        WeChatSimulator sim = simulator(SimulatorMode.SAFE, keysFor(SimulatorMode.SAFE));

        SimulatedPush push = sim.text("hi", 6054768590064713728L, NOW, "1320562132");

        HttpUrl url = push.url();
        assertEquals("/webhooks/wechat/main", url.encodedPath());
        assertEquals(List.of("signature", "timestamp", "nonce", "openid", "encrypt_type", "msg_signature"),
                List.copyOf(url.queryParameterNames()));
        assertEquals(WeChatSignature.compute(W2.TOKEN, "1700000000", "1320562132"), url.queryParameter("signature"));
        assertEquals("aes", url.queryParameter("encrypt_type"));
        XmlFields body = SafeXmlReader.read(push.body());
        assertEquals(Map.of("ToUserName", GH, "Encrypt", body.require("Encrypt")), body.values());
        assertTrue(WeChatSignature.matches(url.queryParameter("msg_signature"), W2.TOKEN, "1700000000", "1320562132",
                body.require("Encrypt")));
        assertEquals(push.plainXml(), new MessageCipher(KEY, W2.APP_ID).decrypt(body.require("Encrypt")).messageOrThrow());
    }

    @Test
    void aPlainPushHasNoEncryptionParameters() {
        WeChatSimulator sim = simulator(SimulatorMode.PLAIN, keysFor(SimulatorMode.PLAIN));
        SimulatedPush push = sim.text("hi", 1L, NOW, "1");
        assertEquals(null, push.url().queryParameter("encrypt_type"));
        assertEquals(push.plainXml(), push.body());
    }

    @Test
    void anEventIsDeliveredWithItsKey() throws Exception {
        WeChatSimulator sim = simulator(SimulatorMode.SAFE, keysFor(SimulatorMode.SAFE));
        backend.answer = m -> Optional.empty();

        assertEquals(new SimulatorReply.Acknowledged(), sim.post(sim.event("CLICK", Optional.of("SURVEY_START"))));
        assertEquals("SURVEY_START", ((InboundEvent.MenuClick) backend.accepted.get(0)).key());
    }

    @Test
    void anImageArrivesAsANonTextMessage() throws Exception {
        WeChatSimulator sim = simulator(SimulatorMode.SAFE, keysFor(SimulatorMode.SAFE));
        backend.answer = m -> Optional.of("请用文字回答");

        assertEquals(new SimulatorReply.Text("请用文字回答", true), sim.post(sim.image()));
        InboundMessage.NonText image = assertInstanceOf(InboundMessage.NonText.class, backend.accepted.get(0));
        assertEquals(NonTextKind.IMAGE, image.kind());
        assertTrue(image.msgId().isPresent());
    }

    @Test
    void aRawBodyIsSignedAndEncryptedLikeAnyPush() throws Exception {
        WeChatSimulator sim = simulator(SimulatorMode.SAFE, keysFor(SimulatorMode.SAFE));
        String xml = "<xml><ToUserName><![CDATA[" + GH + "]]></ToUserName><FromUserName><![CDATA[" + OPENID
                + "]]></FromUserName><CreateTime>1700000000</CreateTime><MsgType><![CDATA[location]]></MsgType>"
                + "<Location_X>23.1</Location_X><Location_Y>113.3</Location_Y><MsgId>42</MsgId></xml>";

        SimulatedPush push = sim.raw(xml);

        assertEquals(xml, push.plainXml());
        backend.answer = m -> Optional.empty();
        assertEquals(new SimulatorReply.Acknowledged(), sim.post(push));
        assertEquals(NonTextKind.LOCATION, ((InboundMessage.NonText) backend.accepted.get(0)).kind());
    }

    @Test
    void postingThePushAgainIsAWeChatRetryWithTheSameDedupeKey() throws Exception {
        WeChatSimulator sim = simulator(SimulatorMode.SAFE, keysFor(SimulatorMode.SAFE));
        SimulatedPush push = sim.text("10");
        sim.post(push);
        sim.post(push);
        assertEquals(backend.accepted.get(0).dedupeKey(), backend.accepted.get(1).dedupeKey());
    }

    @Test
    void aServerWithAnotherTokenRefusesThePush() throws Exception {
        WeChatSimulator sim = simulator(SimulatorMode.SAFE, WebhookKeys.safe(W2.APP_ID, "other-token", KEY));
        SimulatorReply reply = sim.post(sim.text("hi"));
        assertEquals(403, assertInstanceOf(SimulatorReply.Refused.class, reply).status());
    }

    @Test
    void aReplyWithABadSignatureIsInvalid() {
        WeChatSimulator sim = simulator(SimulatorMode.SAFE, keysFor(SimulatorMode.SAFE));
        String encrypt = new MessageCipher(KEY, W2.APP_ID).encrypt(PassiveReply.text(OPENID, GH, 1L, "x"));
        String forged = EncryptedReply.envelope(encrypt, "wrong-token", "1700000000", "123");
        assertInstanceOf(SimulatorReply.Invalid.class, sim.readReply(forged));
    }

    @Test
    void aPlainReplyInSafeModeIsInvalid() {
        WeChatSimulator sim = simulator(SimulatorMode.SAFE, keysFor(SimulatorMode.SAFE));
        assertEquals(new SimulatorReply.Invalid("plain reply in safe mode"),
                sim.readReply(PassiveReply.text(OPENID, GH, 1L, "x")));
    }

    @Test
    void aReplyToSomeoneElseIsInvalid() {
        WeChatSimulator sim = simulator(SimulatorMode.PLAIN, keysFor(SimulatorMode.PLAIN));
        assertInstanceOf(SimulatorReply.Invalid.class, sim.readReply(PassiveReply.text("oOther0000000000", GH, 1L, "x")));
    }

    @Test
    void anEmptyBodyOrSuccessIsAnAcknowledgement() {
        WeChatSimulator sim = simulator(SimulatorMode.PLAIN, keysFor(SimulatorMode.PLAIN));
        assertEquals(new SimulatorReply.Acknowledged(), sim.readReply(""));
        assertEquals(new SimulatorReply.Acknowledged(), sim.readReply("success"));
    }
}
