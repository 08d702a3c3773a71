package io.feedbackbot.server.sms;

import static io.feedbackbot.server.testing.TestServer.TOKEN;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackbot.server.testing.TestServer;
import io.feedbackbot.sms.form.FormParams;
import io.feedbackbot.sms.form.FormParser;
import io.feedbackbot.sms.form.MalformedFormException;
import io.feedbackbot.sms.provider.FakeTwilioProvider;
import io.feedbackbot.sms.sim.SimulatedReply;
import io.feedbackbot.sms.sim.SimulatedSms;
import io.feedbackbot.sms.sim.SmsSimulatorClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * The real server with one SMS account ({@code main}, region CN, the NPS survey by default) whose REST API is a
 * {@link FakeTwilioProvider} on a local port, and a simulator that posts signed inbound SMS as the provider does.
 * The account's public URL is not the local one, as behind a proxy.
 */
final class SmsRig implements AutoCloseable {

    static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    static final String AUTH_TOKEN = "sms-test-token";
    static final String PUBLIC_URL = "https://bot.example.com/webhooks/sms/main";
    static final String NUMBER = "+8613900000000";

    final MockWebServer providerServer = new MockWebServer();
    final FakeTwilioProvider provider = new FakeTwilioProvider(ACCOUNT_SID, AUTH_TOKEN, 17);
    final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(30)).build();
    final SmsSimulatorClient simulator = new SmsSimulatorClient(http, ACCOUNT_SID, AUTH_TOKEN, new Random(3));
    final TestServer server;

    private SmsRig(String accountYaml) {
        providerServer.setDispatcher(provider);
        try {
            providerServer.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = TestServer.start("", channelsYaml(providerServer.url("/").toString(), accountYaml), Clock.systemUTC());
    }

    /** @param accountYaml more keys of the account, each line indented eight spaces */
    static SmsRig start(String accountYaml) {
        return new SmsRig(accountYaml);
    }

    static String channelsYaml(String apiBaseUrl, String accountYaml) {
        return "  sms:\n    accounts:\n      - id: main\n"
                + "        accountSid: " + ACCOUNT_SID + "\n"
                + "        authToken: " + AUTH_TOKEN + "\n"
                + "        from: \"" + NUMBER + "\"\n"
                + "        apiBaseUrl: " + apiBaseUrl + "\n"
                + "        publicUrl: " + PUBLIC_URL + "\n"
                + "        defaultSurvey: post-delivery-nps\n"
                + "        helpText: {en: \"Acme feedback. Reply STOP to opt out, START to opt in.\"}\n"
                + accountYaml;
    }

    String localUrl() {
        return server.url("/webhooks/sms/main");
    }

    /** The customer texts {@code body}; returns what the provider would read from our answer. */
    SimulatedReply text(String from, String body) {
        return post(simulator.compose(from, NUMBER, body));
    }

    SimulatedReply post(SimulatedSms sms) {
        try {
            return simulator.post(localUrl(), PUBLIC_URL, sms);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code POST /api/v1/surveys/post-delivery-nps/invitations} to an SMS number. */
    HttpResponse<String> invite(String to, String language) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", "sms");
        body.put("account", "main");
        body.put("to", to);
        if (language != null) {
            body.put("language", language);
        }
        body.put("context", Map.of("store", "SH-001"));
        return server.post("/api/v1/surveys/post-delivery-nps/invitations", TestServer.json(body),
                "Authorization", "Bearer " + TOKEN);
    }

    /** Every request that reached the provider's Messages API for {@code to}. */
    List<FormParams> requestsTo(String to) {
        List<FormParams> out = new ArrayList<>();
        for (RecordedRequest request : provider.requests()) {
            FormParams form = form(request);
            if (form.first("To").orElse("").equals(to)) {
                out.add(form);
            }
        }
        return out;
    }

    List<FakeTwilioProvider.Created> createdTo(String to) {
        return provider.created().stream().filter(c -> c.form().first("To").orElse("").equals(to)).toList();
    }

    static FormParams form(RecordedRequest request) {
        try {
            return FormParser.parse(request.getBody().clone().readByteArray());
        } catch (MalformedFormException e) {
            throw new AssertionError(e);
        }
    }

    /** Posts a signed status callback for {@code message} to our local status URL; returns our HTTP status. */
    int status(FakeTwilioProvider.Created message, String status) {
        try {
            return provider.postStatus(http, message, status, null, server.url("/webhooks/sms/main/status"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stored answers of the NPS survey from {@code customer}, oldest first. */
    List<JsonNode> answersOf(String customer) {
        HttpResponse<String> response = server.get("/api/v1/responses?survey=post-delivery-nps&format=json",
                "Authorization", "Bearer " + TOKEN);
        List<JsonNode> out = new ArrayList<>();
        TestServer.parse(response.body()).path("responses").forEach(a -> {
            if (a.path("customer").asText().equals(customer)) {
                out.add(a);
            }
        });
        return out;
    }

    /** Waits (up to 20 s, polling) for something asynchronous to happen; fails if it never does. */
    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        providerServer.shutdown();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
