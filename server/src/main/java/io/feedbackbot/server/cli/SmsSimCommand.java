package io.feedbackbot.server.cli;

import io.feedbackbot.config.FeedbackbotSettings;
import io.feedbackbot.config.SettingsLoader;
import io.feedbackbot.config.SmsAccount;
import io.feedbackbot.sms.phone.PhoneNumbers;
import io.feedbackbot.sms.sim.SmsChatLoop;
import io.feedbackbot.sms.sim.SmsSimulatorClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.Callable;
import okhttp3.OkHttpClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code feedbackbot sms-sim}: a terminal chat that plays the SMS provider. Each line is posted to the running
 * server's webhook as a signed inbound SMS (signed with the account's auth token over its public URL, exactly as the
 * provider does), and the TwiML replies are printed. Replies the server sends later go to the account's
 * {@code apiBaseUrl}; with {@code --provider-port} this command also plays that API and prints them.
 */
@Command(name = "sms-sim", mixinStandardHelpOptions = true,
        description = "Chat with a running server as a customer's phone, through the SMS webhook.")
final class SmsSimCommand implements Callable<Integer> {

    @Option(names = "--account", required = true, description = "the SMS account id (channels.sms.accounts[].id)")
    String account;

    @Option(names = "--from", required = true, description = "the customer's number, e.g. +8613800000000")
    String from;

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "the server (default: ${DEFAULT-VALUE})")
    String url;

    @Option(names = "--config", paramLabel = "FILE", description = "configuration file (default: config/feedbackbot.yaml)")
    Path config;

    @Option(names = "--provider-port", paramLabel = "PORT",
            description = "also answer the SMS REST API on 127.0.0.1:PORT and print what the server sends there "
                    + "(point the account's apiBaseUrl at http://127.0.0.1:PORT)")
    Integer providerPort;

    @Override
    public Integer call() throws Exception {
        FeedbackbotSettings settings = new SettingsLoader(System.getenv()).load(config);
        SmsAccount sms = settings.channels().smsAccount(account).orElseThrow(() -> new IllegalArgumentException(
                "no SMS account '" + account + "' in " + settings.source()));
        String customer = PhoneNumbers.toE164(from, sms.defaultRegion());
        String number = sms.from() != null ? sms.from() : sms.messagingServiceSid();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(30)).build();
        LocalSmsProvider provider = null;
        try {
            if (providerPort != null) {
                provider = LocalSmsProvider.start(providerPort, sms, out);
                if (!sms.apiBaseUrl().equals(provider.baseUrl())) {
                    out.println("note: account '" + account + "' sends to " + sms.apiBaseUrl() + ", not to "
                            + provider.baseUrl() + "; set its apiBaseUrl to see late replies here");
                }
            } else {
                out.println("note: replies that miss the webhook deadline are sent to " + sms.apiBaseUrl()
                        + " (use --provider-port to print them here)");
            }
            SmsSimulatorClient client = new SmsSimulatorClient(http, sms.accountSid(), sms.authToken(),
                    new SecureRandom());
            String webhook = url.replaceAll("/+$", "") + "/webhooks/sms/" + account;
            new SmsChatLoop(client, webhook, sms.publicUrl(), customer, number)
                    .run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), out);
            return 0;
        } finally {
            if (provider != null) {
                provider.close();
            }
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}
