package io.feedbackbot.server.campaign.testing;

import io.feedbackbot.sms.provider.FakeTwilioProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.MockWebServer;

/**
 * A fake Twilio-compatible provider on a local port (in the test's JVM), and the SMS account configuration that
 * points a server's SMS channel at it.
 */
public final class StubProvider implements AutoCloseable {

    public static final String SID = "AC0123456789abcdef0123456789abcdef";
    public static final String TOKEN = "stub-token";
    public static final String ACCOUNT = "cn";
    public static final String PUBLIC_URL = "https://bot.example.com/webhooks/sms/cn";

    public final FakeTwilioProvider provider = new FakeTwilioProvider(SID, TOKEN, 7);
    private final MockWebServer server = new MockWebServer();

    public StubProvider() {
        server.setDispatcher(provider);
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return server.url("/").toString();
    }

    /**
     * {@code channels:} lines (indented two spaces) for SMS account {@value #ACCOUNT} on this provider; REST calls
     * time out after {@code sendTimeout} and are tried once, so a send cut off by a crash is settled soon after.
     */
    public String channelsYaml(String sendTimeout) {
        return "  sms:\n    accounts:\n      - id: " + ACCOUNT + "\n"
                + "        accountSid: " + SID + "\n"
                + "        authToken: " + TOKEN + "\n"
                + "        from: \"+8613900000000\"\n"
                + "        apiBaseUrl: " + url() + "\n"
                + "        publicUrl: " + PUBLIC_URL + "\n"
                + "        sendTimeout: " + sendTimeout + "\n"
                + "        sendAttempts: 1\n";
    }

    /** How many messages each number received. */
    public Map<String, Long> perNumber() {
        return provider.created().stream().collect(Collectors.groupingBy(
                c -> c.form().first("To").orElse(""), Collectors.counting()));
    }

    @Override
    public void close() {
        try {
            server.shutdown();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
