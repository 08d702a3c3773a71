package io.feedbackbot.sms.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feedbackbot.sms.form.FormParams;
import io.feedbackbot.sms.form.FormParser;
import io.feedbackbot.sms.signature.TwilioSignature;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SmsSimulatorClientTest {

    private static final String TOKEN = "sim-token";
    private static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    private static final String PUBLIC_URL = "https://bot.example.com/webhooks/sms/cn-main";
    private static final String CUSTOMER = "+8613800000000";
    private static final String NUMBER = "+8610690000";

    private final MockWebServer server = new MockWebServer();
    private final EchoWebhook webhook = new EchoWebhook(TOKEN, PUBLIC_URL);
    private final OkHttpClient http = new OkHttpClient();
    private final SmsSimulatorClient client = new SmsSimulatorClient(http, ACCOUNT_SID, TOKEN, new Random(9));
    private String localUrl;

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(webhook);
        server.start();
        localUrl = server.url("/webhooks/sms/cn-main").toString();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Test
    void postsASignedFormLikeTheProviderAndReadsTheReplies() throws Exception {
        SimulatedReply reply = client.send(localUrl, PUBLIC_URL, CUSTOMER, NUMBER, "9 分 & 很好");

        assertEquals(new SimulatedReply(200, List.of("You said: 9 分 & 很好"), Optional.empty()), reply);
        RecordedRequest request = server.takeRequest();
        FormParams params = FormParser.parse(request.getBody().readByteArray());
        assertTrue(params.first("MessageSid").orElseThrow().matches("SM[0-9a-f]{32}"));
        assertEquals(params.first("MessageSid"), params.first("SmsSid"));
        assertEquals(Optional.of(ACCOUNT_SID), params.first("AccountSid"));
        assertEquals(Optional.of(CUSTOMER), params.first("From"));
        assertEquals(Optional.of(NUMBER), params.first("To"));
        assertEquals(Optional.of("0"), params.first("NumMedia"));
        assertEquals(Optional.of("1"), params.first("NumSegments"));
        assertEquals(Optional.of("received"), params.first("SmsStatus"));
        assertEquals(Optional.of("2010-04-01"), params.first("ApiVersion"));
        assertTrue(new TwilioSignature(TOKEN).validate(PUBLIC_URL, params,
                request.getHeader(TwilioSignature.HEADER)));
    }

    @Test
    void aResentMessageSidGetsNoSecondReply() throws Exception {
        SimulatedSms sms = client.compose(CUSTOMER, NUMBER, "hello");

        assertEquals(List.of("You said: hello"), client.post(localUrl, PUBLIC_URL, sms).messages());
        assertEquals(List.of(), client.post(localUrl, PUBLIC_URL, sms).messages());
    }

    @Test
    void aSimulatorWithTheWrongTokenIsForbidden() throws Exception {
        SmsSimulatorClient wrong = new SmsSimulatorClient(http, ACCOUNT_SID, "other", new Random(1));
        SimulatedReply reply = wrong.send(localUrl, PUBLIC_URL, CUSTOMER, NUMBER, "hi");
        assertEquals(new SimulatedReply(403, List.of(), Optional.of("HTTP 403: rejected")), reply);
    }

    @Test
    void signingForTheLocalUrlInsteadOfThePublicOneIsForbidden() throws Exception {
        assertEquals(403, client.send(localUrl, localUrl, CUSTOMER, NUMBER, "hi").httpStatus());
    }

    @Test
    void aReplyWithoutAnXmlContentTypeIsFlaggedAsTheProviderWould() throws Exception {
        webhook.answeringWithContentType("text/plain");
        SimulatedReply reply = client.send(localUrl, PUBLIC_URL, CUSTOMER, NUMBER, "hi");
        assertEquals(Optional.of("Content-Type must be text/xml, was 'text/plain'"), reply.problem());
    }

    @Test
    void readFlagsAnswersThatAreNotTwiml() {
        assertEquals(Optional.of("the answer does not start with TwiML: success"),
                SmsSimulatorClient.read(200, "text/xml", "success").problem());
        assertEquals(Optional.of("HTTP 500"), SmsSimulatorClient.read(500, "text/xml", "").problem());
    }

    @Test
    void theChatLoopPrintsRepliesAndResendsWithDup() throws Exception {
        StringWriter screen = new StringWriter();
        SmsChatLoop loop = new SmsChatLoop(client, localUrl, PUBLIC_URL, CUSTOMER, NUMBER);

        loop.run(new BufferedReader(new StringReader("/dup\n10\n/dup\n太慢了\n/quit\nnever sent\n")),
                new PrintWriter(screen));

        String out = screen.toString();
        assertTrue(out.contains("(nothing to resend yet)"), out);
        assertTrue(out.contains("bot> You said: 10"), out);
        assertTrue(out.contains("(no reply in the webhook answer; one may follow through the SMS API)"), out);
        assertTrue(out.contains("bot> You said: 太慢了"), out);
        assertEquals(3, server.getRequestCount());
    }
}
