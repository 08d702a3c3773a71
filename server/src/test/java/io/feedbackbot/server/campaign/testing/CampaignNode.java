package io.feedbackbot.server.campaign.testing;

import io.feedbackbot.config.FeedbackbotSettings;
import io.feedbackbot.config.SettingsLoader;
import io.feedbackbot.server.app.Application;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * A server node for the crash test, run as its own process: the whole application from a configuration file, plus
 * the stand-in SMS channel sending to the fake provider at the URL given. Runs until killed.
 * Arguments: the configuration file, the provider's base URL.
 */
public final class CampaignNode {

    private CampaignNode() {
    }

    public static void main(String[] args) throws InterruptedException {
        FeedbackbotSettings settings = new SettingsLoader(System.getenv()).load(Path.of(args[0]));
        String provider = args[1];
        Application app = Application.startWith(settings, System.getenv(), Clock.systemUTC(),
                (redis, keys, clock) -> List.of(new StubSmsChannel(StubProvider.ACCOUNT, provider, StubProvider.SID,
                        StubProvider.TOKEN, null, Duration.ofSeconds(2), redis, keys)));
        System.out.println("campaign node ready on port " + app.port());
        Thread.currentThread().join();
    }
}
