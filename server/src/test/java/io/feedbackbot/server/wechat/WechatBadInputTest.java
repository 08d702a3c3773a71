package io.feedbackbot.server.wechat;

import static io.feedbackbot.server.testing.TestServer.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feedbackbot.redis.testing.TestRedis;
import io.feedbackbot.wechat.signature.WeChatSignature;
import io.feedbackbot.wechat.sim.SimulatedPush;
import io.feedbackbot.wechat.sim.SimulatorMode;
import io.feedbackbot.wechat.sim.WeChatSimulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Requests that are not authentic, fresh and well-formed WeChat pushes get a status and change nothing. */
class WechatBadInputTest {

    private WechatFixture wechat;
    private final String openId = WechatFixture.newOpenId();

    @BeforeEach
    void start() {
        wechat = new WechatFixture();
    }

    @AfterEach
    void stop() {
        wechat.close();
    }

    private HttpResponse<String> post(SimulatedPush push) {
        return post(push.url().toString(), push.body());
    }

    private HttpResponse<String> post(String url, String body) {
        return wechat.server.send(HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", "text/xml").build());
    }

    private void refused(HttpResponse<String> response, int status, String reason) {
        assertEquals(status, response.statusCode(), response.body());
        String error = parse(response.body()).path("error").asText();
        assertTrue(error.contains(reason), error);
        if (!TestRedis.cluster()) {
            assertEquals(0, wechat.server.keyCount(), "nothing stored");
        }
        assertTrue(wechat.fakeApi.calls().isEmpty(), "WeChat was not called");
    }

    private WeChatSimulator safe() {
        return wechat.simulator("main", openId);
    }

    private WeChatSimulator plain() {
        return wechat.simulator(wechat.server, "plain", openId, SimulatorMode.PLAIN);
    }

    private String verification(String signature, String timestamp, String nonce, String echostr) {
        return wechat.server.url("/webhooks/wechat/main?signature=" + signature + "&timestamp=" + timestamp
                + "&nonce=" + nonce + "&echostr=" + echostr);
    }

    @Test
    void urlVerificationEchoesEchostrUnchanged() {
        String timestamp = Long.toString(wechat.clock.instant().getEpochSecond());
        HttpResponse<String> response = wechat.server.send(HttpRequest.newBuilder(URI.create(verification(
                WeChatSignature.compute(WechatFixture.WX_TOKEN, timestamp, "4711"), timestamp, "4711",
                "5927782489442352469"))).GET().build());
        assertEquals(200, response.statusCode());
        assertEquals("5927782489442352469", response.body());
    }

    @Test
    void urlVerificationWithAnotherTokensSignatureIs403() {
        String timestamp = Long.toString(wechat.clock.instant().getEpochSecond());
        refused(wechat.server.send(HttpRequest.newBuilder(URI.create(verification(
                WeChatSignature.compute("another-token", timestamp, "4711"), timestamp, "4711", "42"))).GET().build()),
                403, "signature does not match");
    }

    @Test
    void aPushWithABadSignatureIs403() {
        SimulatedPush push = safe().text("9");
        String forged = push.url().newBuilder().setQueryParameter("signature", "0".repeat(40)).build().toString();
        refused(post(forged, push.body()), 403, "signature does not match");
    }

    @Test
    void aPushWithABadMsgSignatureIs403() {
        SimulatedPush push = safe().text("9");
        String forged = push.url().newBuilder().setQueryParameter("msg_signature", "0".repeat(40)).build().toString();
        refused(post(forged, push.body()), 403, "msg_signature does not match");
    }

    @Test
    void aPushMoreThanFiveMinutesOldIs403() {
        Clock late = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-6));
        WeChatSimulator stale = new WechatFixture.Simulators(wechat.server, late).simulator("main", openId, SimulatorMode.SAFE,
                WechatFixture.APP_ID);
        refused(post(stale.text("9")), 403, "timestamp is too far from now");
    }

    @Test
    void aPushForAnotherAppIdIs403() {
        WeChatSimulator foreign = wechat.simulator(wechat.server, "main", openId, SimulatorMode.SAFE,
                "wx0000000000000000");
        refused(post(foreign.text("9")), 403, "message is for another appid");
    }

    @Test
    void aPlainPushToASafeModeAccountIs403() {
        WeChatSimulator plainToSafe = wechat.simulator(wechat.server, "main", openId, SimulatorMode.PLAIN);
        refused(post(plainToSafe.text("9")), 403, "encrypted messages only");
    }

    @Test
    void malformedXmlIs400() {
        SimulatedPush push = plain().raw("<xml><ToUserName><![CDATA[gh_1]]></ToUserName><MsgType>");
        refused(post(push), 400, "malformed XML");
    }

    @Test
    void aBodyOfOneByteOver64KibIs413() {
        SimulatedPush push = plain().text("9");
        refused(post(push.url().toString(), "x".repeat(64 * 1024 + 1)), 413, "larger than 65536 bytes");
    }

    @Test
    void anUnknownAccountIs404() {
        SimulatedPush push = plain().text("9");
        String other = push.url().newBuilder().encodedPath("/webhooks/wechat/nope").build().toString();
        refused(post(other, push.body()), 404, "unknown WeChat account 'nope'");
    }

    @Test
    void anXxePayloadIs400ReadsNoFileAndStoresNothing() throws IOException {
        Path secret = Files.createTempFile("xxe-secret", ".txt");
        Files.writeString(secret, "TOP-SECRET-XXE-MARKER");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + "<xml><ToUserName><![CDATA[" + WechatFixture.ORIGINAL_ID + "]]></ToUserName>"
                + "<FromUserName><![CDATA[" + openId + "]]></FromUserName><CreateTime>"
                + wechat.clock.instant().getEpochSecond() + "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                + "<Content>&xxe;</Content><MsgId>1</MsgId></xml>";

        HttpResponse<String> plainMode = post(plain().raw(xxe));
        refused(plainMode, 400, "malformed XML");
        assertFalse(plainMode.body().contains("TOP-SECRET"), plainMode.body());

        HttpResponse<String> insideEncryption = post(safe().raw(xxe));
        refused(insideEncryption, 400, "malformed XML");
        assertFalse(insideEncryption.body().contains("TOP-SECRET"), insideEncryption.body());
        assertTrue(wechat.answers(openId).isEmpty());
    }
}
