package io.feedbackbot.server.webchat;

import static io.feedbackbot.server.testing.TestServer.TOKEN;
import static io.feedbackbot.server.testing.TestServer.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feedbackbot.server.testing.TestServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad input gets a status, a one-line JSON reason, and changes nothing. */
class BadInputTest {

    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void refused(HttpResponse<String> response, int status, String reason) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/json; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
        String error = parse(response.body()).path("error").asText();
        assertTrue(error.contains(reason), error);
        assertTrue(!error.contains("\n") && !error.contains("Exception"), "one line, no stack trace: " + error);
        assertEquals(0, server.keyCount(), "nothing stored");
    }

    @Test
    void malformedJsonIs400() {
        refused(server.post("/webhooks/webchat/demo", "{\"from\": \"u-1\", \"text\": "), 400, "malformed JSON");
    }

    @Test
    void aMessageWithoutAMessageIdIs400() {
        refused(server.post("/webhooks/webchat/demo", "{\"from\":\"u-1\",\"text\":\"9\"}"), 400, "'messageId' is required");
    }

    @Test
    void aCustomerIdWithBracesIs400() {
        refused(server.post("/webhooks/webchat/demo", "{\"from\":\"{x}\",\"text\":\"9\",\"messageId\":\"m\"}"), 400,
                "braces");
    }

    @Test
    void aBodyOver64KibIs413() {
        String big = "{\"from\":\"u-1\",\"messageId\":\"m-1\",\"text\":\"" + "x".repeat(70_000) + "\"}";
        refused(server.post("/webhooks/webchat/demo", big), 413, "larger than 65536 bytes");
    }

    @Test
    void anUnknownAccountIs404() {
        refused(server.post("/webhooks/webchat/nope", "{\"from\":\"u-1\",\"text\":\"9\",\"messageId\":\"m\"}"), 404,
                "unknown web chat account 'nope'");
    }

    @Test
    void anUnknownSurveyIs404() {
        refused(server.post("/api/v1/surveys/nope/invitations", "{\"channel\":\"webchat\",\"account\":\"demo\",\"to\":\"u\"}",
                "Authorization", "Bearer " + TOKEN), 404, "unknown survey 'nope'");
    }

    @Test
    void anInvitationToAnUnknownAccountIs404() {
        refused(server.post("/api/v1/surveys/post-delivery-nps/invitations",
                "{\"channel\":\"webchat\",\"account\":\"other\",\"to\":\"u\"}", "Authorization", "Bearer " + TOKEN),
                404, "unknown account 'other'");
    }

    @Test
    void theApiWithoutTheTokenIs401() {
        refused(server.post("/api/v1/surveys/post-delivery-nps/invitations",
                "{\"channel\":\"webchat\",\"account\":\"demo\",\"to\":\"u\"}"), 401, "Bearer");
        refused(server.get("/api/v1/responses?survey=post-delivery-nps", "Authorization", "Bearer wrong"), 401,
                "not valid");
    }

    @Test
    void anUnknownPathIs404AndAWrongMethodIs405() {
        refused(server.get("/nope"), 404, "no such endpoint");
        refused(server.get("/webhooks/webchat/demo"), 405, "GET is not allowed");
    }

    @Test
    void anUnknownExportFormatIs400() {
        refused(server.get("/api/v1/responses?survey=post-delivery-nps&format=xml", "Authorization", "Bearer " + TOKEN),
                400, "format must be json, jsonl or csv");
    }
}
