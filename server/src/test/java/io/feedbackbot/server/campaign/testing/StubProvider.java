package io.feedbackbot.server.campaign.testing;

import io.feedbackbot.server.app.ExtraChannels;
import io.feedbackbot.sms.provider.FakeTwilioProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.MockWebServer;

/** A fake Twilio-compatible provider on a local port, and the stand-in SMS channel that sends through it. */
public final class StubProvider implements AutoCloseable {

    public static final String SID = "AC0123456789abcdef0123456789abcdef";
    public static final String TOKEN = "stub-token";
    public static final String ACCOUNT = "cn";

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

    /** The stand-in SMS channel on account {@value #ACCOUNT}, for {@code TestServer.startWith}. */
    public ExtraChannels channel() {
        return (redis, keys, clock) -> List.of(new StubSmsChannel(ACCOUNT, url(), SID, TOKEN,
                "https://bot.example.com/webhooks/smsstub/cn/status", Duration.ofSeconds(2), redis, keys));
    }

    /** How many messages each number received. */
    public Map<String, Long> perNumber() {
        return provider.created().stream().collect(Collectors.groupingBy(
                c -> c.form().first("To").orElse(""), Collectors.counting()));
    }

    public <T> Map<T, Long> count(Function<FakeTwilioProvider.Created, T> by) {
        return provider.created().stream().collect(Collectors.groupingBy(by, Collectors.counting()));
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
