package io.feedbackbot.server.cli;

import io.feedbackbot.config.FeedbackbotSettings;
import io.feedbackbot.config.SettingsLoader;
import io.feedbackbot.server.app.Application;
import io.feedbackbot.server.handoff.auth.DemoPassword;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code feedbackbot serve}: starts the server and runs until stopped (Ctrl-C or SIGTERM stop it cleanly). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the server (with an embedded Redis unless redis.url or FEEDBACKBOT_REDIS_URL names one).")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "configuration file (default: config/feedbackbot.yaml)")
    Path config;

    @Override
    public Integer call() throws InterruptedException {
        FeedbackbotSettings settings = new SettingsLoader(System.getenv()).load(config);
        Application app = Application.start(settings, System.getenv(), Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "shutdown"));
        String host = settings.http().host().equals("0.0.0.0") ? "127.0.0.1" : settings.http().host();
        String base = "http://" + host + ":" + app.port();
        System.out.println();
        System.out.println("feedbackbot is running (configuration: " + settings.source() + ")");
        System.out.println("  web chat:  " + base + "/   (take the demo survey)");
        System.out.println("  API:       " + base + "/api/v1/   metrics: " + base + "/metrics");
        System.out.println("  console:   " + base + "/console/   (agents and supervisors)");
        DemoPassword demo = app.handoff().demoPassword();
        if (demo != null) {
            String users = String.join(", ", settings.console().users().stream().filter(u -> u.demo())
                    .map(u -> u.username()).toList());
            if (demo.generated()) {
                System.out.println("  demo login: " + users + " / " + demo.value() + "   (generated now, kept in "
                        + demo.file() + ")");
            } else if (demo.file() != null) {
                System.out.println("  demo login: " + users + ", password in " + demo.file());
            } else {
                System.out.println("  demo login: " + users + ", password from " + DemoPassword.VARIABLE);
            }
        }
        if (app.adminToken().generated()) {
            System.out.println("  API token: " + app.adminToken().value() + "   (generated now, kept in "
                    + app.adminToken().file() + ")");
        } else if (app.adminToken().file() != null) {
            System.out.println("  API token: in " + app.adminToken().file());
        } else {
            System.out.println("  API token: from the configuration (FEEDBACKBOT_ADMIN_TOKEN or api.adminToken)");
        }
        System.out.println("Press Ctrl-C to stop.");
        stopped.await();
        return 0;
    }
}
