package io.feedbackbot.wechat.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WeChatApiClientTest {

    private final MockWebServer server = new MockWebServer();
    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(2, TimeUnit.SECONDS).build();
    private WeChatApiClient client;

    @BeforeEach
    void start() throws Exception {
        server.start();
        client = new WeChatApiClient(http, server.url("/"));
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    private RecordedRequest taken() throws InterruptedException {
        return server.takeRequest(2, TimeUnit.SECONDS);
    }

    @Test
    void stableTokenPostsTheDocumentedJsonAndReadsTheToken() throws Exception {
        server.enqueue(new MockResponse().setBody("{\"access_token\":\"ACCESS_TOKEN\",\"expires_in\":7200}"));

        StableToken token = client.fetchStableToken("wx2c2769f8efd9abc2", "APPSECRET", false);

        assertEquals(new StableToken("ACCESS_TOKEN", 7200), token);
        RecordedRequest request = taken();
        assertEquals("POST", request.getMethod());
        assertEquals("/cgi-bin/stable_token", request.getRequestUrl().encodedPath());
        assertEquals(null, request.getRequestUrl().query());
        assertTrue(request.getHeader("Content-Type").startsWith("application/json"), request.getHeader("Content-Type"));
        assertEquals("{\"grant_type\":\"client_credential\",\"appid\":\"wx2c2769f8efd9abc2\",\"secret\":\"APPSECRET\","
                + "\"force_refresh\":false}", request.getBody().readUtf8());
    }

    @Test
    void aForcedRefreshSaysSo() throws Exception {
        server.enqueue(new MockResponse().setBody("{\"access_token\":\"T2\",\"expires_in\":7200}"));
        client.fetchStableToken("wx1", "S", true);
        assertTrue(taken().getBody().readUtf8().endsWith("\"force_refresh\":true}"));
    }

    @Test
    void aStableTokenErrorCarriesErrcodeAndErrmsgButNotTheSecret() {
        server.enqueue(new MockResponse().setBody("{\"errcode\":40125,\"errmsg\":\"invalid appsecret\"}"));

        WeChatApiErrorException e = assertThrows(WeChatApiErrorException.class,
                () -> client.fetchStableToken("wx1", "TOP-SECRET", false));

        assertEquals(40125, e.reply().errcode());
        assertEquals("invalid appsecret", e.reply().errmsg());
        assertFalse(e.getMessage().contains("TOP-SECRET"));
    }

    @Test
    void customSendPostsTheDocumentedTextBodyWithTheTokenInTheQuery() throws Exception {
        server.enqueue(new MockResponse().setBody("{\"errcode\":0,\"errmsg\":\"ok\"}"));

        ApiReply reply = client.sendCustomText("ACCESS_TOKEN", "OPENID", "Hello World");

        assertEquals(new ApiReply(0, "ok", OptionalLong.empty()), reply);
        RecordedRequest request = taken();
        assertEquals("/cgi-bin/message/custom/send", request.getRequestUrl().encodedPath());
        assertEquals("ACCESS_TOKEN", request.getRequestUrl().queryParameter("access_token"));
        assertEquals("{\"touser\":\"OPENID\",\"msgtype\":\"text\",\"text\":{\"content\":\"Hello World\"}}",
                request.getBody().readUtf8());
    }

    @Test
    void chineseAndQuotesInContentAreSentAsJsonText() throws Exception {
        server.enqueue(new MockResponse().setBody("{\"errcode\":0,\"errmsg\":\"ok\"}"));
        client.sendCustomText("T", "OPENID", "感谢\"反馈\"\n");
        assertEquals("{\"touser\":\"OPENID\",\"msgtype\":\"text\",\"text\":{\"content\":\"感谢\\\"反馈\\\"\\n\"}}",
                taken().getBody().readUtf8());
    }

    @Test
    void templateSendPostsTheDocumentedBodyAndReadsTheMsgId() throws Exception {
        server.enqueue(new MockResponse().setBody("{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":200228332}"));
        Map<String, TemplateMessage.Field> data = new LinkedHashMap<>();
        data.put("first", new TemplateMessage.Field("haahah", Optional.of("#FF00FF")));
        data.put("keyword1", TemplateMessage.Field.of("门店 0042"));
        TemplateMessage message = new TemplateMessage("OPENID", "ngqIpbwh8bUfcSsECmogfXcV14J0tQlEpBO27izEYtY",
                Optional.of("http://weixin.qq.com/download"), data, Optional.of("MSG_000001"));

        ApiReply reply = client.sendTemplate("ACCESS_TOKEN", message);

        assertEquals(OptionalLong.of(200228332L), reply.msgId());
        RecordedRequest request = taken();
        assertEquals("/cgi-bin/message/template/send", request.getRequestUrl().encodedPath());
        assertEquals("ACCESS_TOKEN", request.getRequestUrl().queryParameter("access_token"));
        assertEquals("{\"touser\":\"OPENID\",\"template_id\":\"ngqIpbwh8bUfcSsECmogfXcV14J0tQlEpBO27izEYtY\","
                + "\"url\":\"http://weixin.qq.com/download\",\"client_msg_id\":\"MSG_000001\",\"data\":{"
                + "\"first\":{\"value\":\"haahah\",\"color\":\"#FF00FF\"},\"keyword1\":{\"value\":\"门店 0042\"}}}",
                request.getBody().readUtf8());
    }

    @Test
    void aTemplateWithoutUrlOrClientMsgIdLeavesThemOut() throws Exception {
        server.enqueue(new MockResponse().setBody("{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":1}"));
        client.sendTemplate("T", new TemplateMessage("OPENID", "TID", Optional.empty(),
                Map.of("keyword1", TemplateMessage.Field.of("v")), Optional.empty()));
        assertEquals("{\"touser\":\"OPENID\",\"template_id\":\"TID\",\"data\":{\"keyword1\":{\"value\":\"v\"}}}",
                taken().getBody().readUtf8());
    }

    @Test
    void errorRepliesToSendsAreReturnedNotThrown() {
        server.enqueue(new MockResponse().setBody(
                "{\"errcode\":45015,\"errmsg\":\"response out of time limit or subscription is canceled\"}"));
        ApiReply reply = client.sendCustomText("T", "OPENID", "x");
        assertEquals(45015, reply.errcode());
        assertEquals(ErrorClass.WINDOW_CLOSED, reply.errorClass());
    }

    @Test
    void anHttpErrorIsATransportFailureThatDoesNotShowTheToken() {
        server.enqueue(new MockResponse().setResponseCode(502));
        WeChatTransportException e = assertThrows(WeChatTransportException.class,
                () -> client.sendCustomText("SECRET-TOKEN", "OPENID", "x"));
        assertTrue(e.getMessage().contains("502"));
        assertFalse(e.getMessage().contains("SECRET-TOKEN"));
    }

    @Test
    void aBodyThatIsNotJsonIsATransportFailure() {
        server.enqueue(new MockResponse().setBody("<html>gateway</html>"));
        assertThrows(WeChatTransportException.class, () -> client.sendCustomText("T", "OPENID", "x"));
    }

    @Test
    void aDroppedConnectionIsATransportFailure() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        assertThrows(WeChatTransportException.class, () -> client.sendCustomText("T", "OPENID", "x"));
    }

    @Test
    void aBaseUrlWithAPathPrefixIsKept() throws Exception {
        WeChatApiClient prefixed = new WeChatApiClient(http, server.url("/wechat-proxy/"));
        server.enqueue(new MockResponse().setBody("{\"errcode\":0,\"errmsg\":\"ok\"}"));
        prefixed.sendCustomText("T", "OPENID", "x");
        assertEquals("/wechat-proxy/cgi-bin/message/custom/send", taken().getRequestUrl().encodedPath());
    }

    @Test
    void theDefaultBaseUrlIsTheWeChatApi() {
        assertEquals("https://api.weixin.qq.com/", WeChatApiClient.DEFAULT_BASE_URL.toString());
    }
}
