package io.feedbackbot.server.wechat;

import static io.feedbackbot.server.testing.TestServer.TOKEN;
import static io.feedbackbot.server.testing.TestServer.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackbot.core.outbound.DeliveryEvents;
import io.feedbackbot.server.testing.TestServer;
import io.feedbackbot.wechat.crypto.EncodingAesKey;
import io.feedbackbot.wechat.sim.SimulatorMode;
import io.feedbackbot.wechat.sim.SimulatorSettings;
import io.feedbackbot.wechat.sim.WeChatSimulator;
import io.feedbackbot.wechat.testing.FakeWeChatApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockWebServer;

/**
 * A real server with WeChat accounts, and a local stand-in for the WeChat API (MockWebServer + FakeWeChatApi)
 * that its senders call. Accounts: {@code main} (safe mode, default survey), {@code plain} (plain mode),
 * {@code late} (safe mode, passiveReplyDeadline 0s: every reply goes through the customer-service API) and
 * {@code welcome} (a welcome survey on subscribe, no default survey).
 */
final class WechatFixture implements AutoCloseable {

    static final String APP_ID = "wx2c2769f8efd9abc2";
    static final String APP_SECRET = "fixture-app-secret";
    static final String WX_TOKEN = "spamtest";
    static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    static final String ORIGINAL_ID = "gh_10f6c3c3ac5a";

    final MockWebServer wechatApi = new MockWebServer();
    final FakeWeChatApi fakeApi = new FakeWeChatApi(APP_ID, APP_SECRET);
    final TestServer server;
    final Clock clock;

    WechatFixture(Clock clock, DeliveryEvents deliveries, Path surveysDir) {
        this.clock = clock;
        wechatApi.setDispatcher(fakeApi);
        try {
            wechatApi.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = TestServer.start("", channelsYaml(wechatApi.url("/").toString()), surveysDir, clock, deliveries);
    }

    WechatFixture() {
        this(Clock.systemUTC(), DeliveryEvents.NONE, TestServer.SHIPPED_SURVEYS);
    }

    static String channelsYaml(String apiBaseUrl) {
        return "  wechat:\n    accounts:\n"
                + account("main", true, "4s", "defaultSurvey: post-delivery-nps", apiBaseUrl)
                + account("plain", false, "4s", "defaultSurvey: post-delivery-nps", apiBaseUrl)
                + account("late", true, "0s", "defaultSurvey: post-delivery-nps", apiBaseUrl)
                + account("welcome", true, "4s", "welcomeSurvey: post-delivery-nps", apiBaseUrl);
    }

    private static String account(String id, boolean safe, String deadline, String survey, String apiBaseUrl) {
        return "      - id: " + id + "\n"
                + "        appId: " + APP_ID + "\n"
                + "        appSecret: " + APP_SECRET + "\n"
                + "        token: " + WX_TOKEN + "\n"
                + (safe ? "        encodingAesKey: " + AES_KEY + "\n" : "")
                + "        apiBaseUrl: " + apiBaseUrl + "\n"
                + "        passiveReplyDeadline: " + deadline + "\n"
                + "        " + survey + "\n";
    }

    /** A new follower, as WeChat would write its OpenID (28 characters). */
    static String newOpenId() {
        return "oTest" + UUID.randomUUID().toString().replace("-", "").substring(0, 23);
    }

    WeChatSimulator simulator(TestServer node, String account, String openId, SimulatorMode mode) {
        return simulator(node, account, openId, mode, APP_ID);
    }

    /** A simulator posting as WeChat would for {@code appId} (another appid to test refusals). */
    WeChatSimulator simulator(TestServer node, String account, String openId, SimulatorMode mode, String appId) {
        return new Simulators(node, clock).simulator(account, openId, mode, appId);
    }

    WeChatSimulator simulator(String account, String openId) {
        return simulator(server, account, openId, SimulatorMode.SAFE);
    }

    /** Simulators posting to this fixture's server with their own clock (stale or future timestamps). */
    record Simulators(TestServer node, Clock clock) {
        private static final OkHttpClient HTTP = new OkHttpClient();

        WeChatSimulator simulator(String account, String openId, SimulatorMode mode, String appId) {
            Optional<EncodingAesKey> key = mode == SimulatorMode.PLAIN ? Optional.empty()
                    : Optional.of(EncodingAesKey.parse(AES_KEY));
            SimulatorSettings settings = new SimulatorSettings(HttpUrl.get(node.url("/webhooks/wechat/" + account)),
                    WX_TOKEN, key, appId, ORIGINAL_ID, openId, mode);
            return new WeChatSimulator(HTTP, settings, clock);
        }
    }

    /** The customer-service texts the fake WeChat API received for {@code openId}. */
    List<String> kefuTexts(String openId) {
        List<String> texts = new ArrayList<>();
        for (FakeWeChatApi.Call call : fakeApi.calls("/cgi-bin/message/custom/send")) {
            if (call.body().path("touser").asText().equals(openId)) {
                texts.add(call.body().path("text").path("content").asText());
            }
        }
        return texts;
    }

    /** The template messages the fake WeChat API received for {@code openId}. */
    List<JsonNode> templates(String openId) {
        List<JsonNode> bodies = new ArrayList<>();
        for (FakeWeChatApi.Call call : fakeApi.calls("/cgi-bin/message/template/send")) {
            if (call.body().path("touser").asText().equals(openId)) {
                bodies.add(call.body());
            }
        }
        return bodies;
    }

    /** The stored answers of one follower to the demo survey, oldest first. */
    List<JsonNode> answers(String openId) {
        HttpResponse<String> response = server.get("/api/v1/responses?survey=post-delivery-nps&format=json",
                "Authorization", "Bearer " + TOKEN);
        assertEquals(200, response.statusCode(), response.body());
        List<JsonNode> out = new ArrayList<>();
        parse(response.body()).path("responses").forEach(a -> {
            if (a.path("customer").asText().equals(openId)) {
                out.add(a);
            }
        });
        return out;
    }

    /** Polls until {@code condition} holds: for effects that happen after the HTTP answer (no time asserted). */
    static void eventually(String what, java.util.function.BooleanSupplier condition) {
        for (int i = 0; i < 200; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
        throw new AssertionError("never happened: " + what);
    }

    /** A copy of the shipped surveys plus {@code extra} files (name → YAML), for surveys with WeChat templates. */
    static Path surveysWith(java.util.Map<String, String> extra) {
        try {
            Path dir = Files.createTempDirectory("wechat-surveys");
            try (var files = Files.list(TestServer.SHIPPED_SURVEYS)) {
                for (Path f : files.toList()) {
                    Files.copy(f, dir.resolve(f.getFileName()));
                }
            }
            for (var e : extra.entrySet()) {
                Files.writeString(dir.resolve(e.getKey()), e.getValue());
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        try {
            wechatApi.shutdown();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
