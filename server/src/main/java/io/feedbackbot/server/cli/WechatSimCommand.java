package io.feedbackbot.server.cli;

import io.feedbackbot.config.FeedbackbotSettings;
import io.feedbackbot.config.SettingsLoader;
import io.feedbackbot.config.WechatAccount;
import io.feedbackbot.wechat.crypto.EncodingAesKey;
import io.feedbackbot.wechat.sim.SimulatedPush;
import io.feedbackbot.wechat.sim.SimulatorMode;
import io.feedbackbot.wechat.sim.SimulatorReply;
import io.feedbackbot.wechat.sim.SimulatorSettings;
import io.feedbackbot.wechat.sim.WeChatSimulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code feedbackbot wechat-sim}: plays WeChat against a running server in a terminal. Each line is signed (and in
 * safe or compatible mode encrypted) with the account's Token, EncodingAESKey and AppID from the configuration,
 * exactly as WeChat would push it; replies are verified and decrypted as WeChat would, and printed. With
 * {@code --fake-api} it also stands in for the WeChat API, so customer-service messages show up here too.
 */
@Command(name = "wechat-sim", mixinStandardHelpOptions = true,
        description = "Chat with a running server as a WeChat follower (signed and encrypted like WeChat).")
final class WechatSimCommand implements Callable<Integer> {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

    @Option(names = "--account", required = true, description = "the WeChat account id in the configuration")
    String account;

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "the server (default: ${DEFAULT-VALUE})")
    String url;

    @Option(names = "--openid", description = "the follower's OpenID (default: a new random one)")
    String openId;

    @Option(names = "--mode", description = "safe, compatible or plain (default: safe when the account has an "
            + "encodingAesKey, else plain)")
    String mode;

    @Option(names = "--original-id", defaultValue = "gh_0000simulated", description = "the account's original id "
            + "(gh_…), sent as ToUserName (default: ${DEFAULT-VALUE})")
    String originalId;

    @Option(names = "--config", paramLabel = "FILE", description = "configuration file (default: config/feedbackbot.yaml)")
    Path config;

    @Option(names = "--fake-api", paramLabel = "PORT", description = "also serve a stand-in WeChat API on "
            + "127.0.0.1:PORT and print what the server sends through it (set the account's apiBaseUrl to it)")
    Integer fakeApiPort;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws IOException {
        FeedbackbotSettings settings = new SettingsLoader(System.getenv()).load(config);
        WechatAccount wechat = settings.channels().wechatAccount(account).orElseThrow(() ->
                new IllegalArgumentException("no WeChat account '" + account + "' in " + settings.source()
                        + " (accounts: " + settings.channels().wechat().stream().map(WechatAccount::id)
                        .collect(Collectors.joining(", ")) + ")"));
        SimulatorMode chosen = mode(wechat);
        if (openId == null) {
            openId = newOpenId();
        }
        HttpUrl webhook = HttpUrl.parse(url.replaceAll("/+$", "") + "/webhooks/wechat/" + account);
        if (webhook == null) {
            throw new IllegalArgumentException("--url is not a URL: " + url);
        }
        Optional<EncodingAesKey> key = Optional.ofNullable(wechat.encodingAesKey()).map(EncodingAesKey::parse);
        WeChatSimulator simulator = new WeChatSimulator(new OkHttpClient(), new SimulatorSettings(webhook,
                wechat.token(), chosen == SimulatorMode.PLAIN ? Optional.empty() : key, wechat.appId(), originalId,
                openId, chosen), Clock.systemUTC());
        try (LocalWeChatApi api = fakeApiPort == null ? null : LocalWeChatApi.start(fakeApiPort, openId, this::late)) {
            banner(wechat, chosen, webhook, api);
            chat(simulator, wechat);
        }
        return 0;
    }

    private SimulatorMode mode(WechatAccount wechat) {
        if (mode == null) {
            return wechat.encodingAesKey() == null ? SimulatorMode.PLAIN : SimulatorMode.SAFE;
        }
        SimulatorMode chosen = SimulatorMode.valueOf(mode.toUpperCase(Locale.ROOT));
        if (chosen != SimulatorMode.PLAIN && wechat.encodingAesKey() == null) {
            throw new IllegalArgumentException("account '" + account + "' has no encodingAesKey, so only --mode plain");
        }
        return chosen;
    }

    private void banner(WechatAccount wechat, SimulatorMode chosen, HttpUrl webhook, LocalWeChatApi api) {
        out.println("WeChat simulator: follower " + openId + " -> account " + account + " (appId " + wechat.appId()
                + ", " + chosen.name().toLowerCase(Locale.ROOT) + " mode)");
        out.println("  posting to " + webhook);
        out.println(api != null
                ? "  stand-in WeChat API on " + api.url() + " (the account's apiBaseUrl must be this URL)"
                : "  replies the server sends later go to " + wechat.apiBaseUrl() + ", not here (see --fake-api)");
        out.println("Type a message. Also: /subscribe /unsubscribe /click KEY /scan SCENE /image /retry /quit");
    }

    private void chat(WeChatSimulator simulator, WechatAccount wechat) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        SimulatedPush last = null;
        prompt();
        String line;
        while ((line = in.readLine()) != null && !line.isBlank() && !line.strip().equals("/quit")) {
            SimulatedPush push = line.strip().equals("/retry") && last != null ? last : push(simulator, line.strip());
            if (push == null) {
                out.println("(unknown command)");
            } else {
                last = push;
                show(post(simulator, push), wechat);
            }
            prompt();
        }
    }

    private static SimulatedPush push(WeChatSimulator simulator, String line) {
        String[] words = line.split("\\s+", 2);
        return switch (words[0]) {
            case "/subscribe" -> simulator.event("subscribe", Optional.empty());
            case "/unsubscribe" -> simulator.event("unsubscribe", Optional.empty());
            case "/click" -> words.length < 2 ? null : simulator.event("CLICK", Optional.of(words[1]));
            case "/scan" -> words.length < 2 ? null : simulator.event("SCAN", Optional.of(words[1]));
            case "/image" -> simulator.image();
            default -> line.startsWith("/") ? null : simulator.text(line);
        };
    }

    private SimulatorReply post(WeChatSimulator simulator, SimulatedPush push) throws IOException {
        try {
            return simulator.post(push);
        } catch (ConnectException e) {
            throw new IOException("cannot reach " + url + " - start the server with ./feedbackbot serve", e);
        }
    }

    private void show(SimulatorReply reply, WechatAccount wechat) {
        if (reply instanceof SimulatorReply.Text text) {
            print("bot", text.content());
        } else if (reply instanceof SimulatorReply.Acknowledged) {
            out.println("(success: no reply in the response; a later one comes through the customer-service API"
                    + (fakeApiPort == null ? " at " + wechat.apiBaseUrl() + ")" : ")"));
        } else if (reply instanceof SimulatorReply.Refused refused) {
            out.println("(refused: HTTP " + refused.status() + " " + refused.body() + ")");
        } else {
            out.println("(WeChat would not accept this reply: " + ((SimulatorReply.Invalid) reply).reason() + ")");
        }
    }

    private synchronized void late(String via, String text) {
        out.println();
        print("bot via " + via, text);
        prompt();
    }

    private synchronized void print(String who, String text) {
        for (String line : text.split("\n", -1)) {
            out.println(who + "> " + line);
        }
    }

    private synchronized void prompt() {
        out.print("you> ");
        out.flush();
    }

    private static String newOpenId() {
        SecureRandom random = new SecureRandom();
        StringBuilder id = new StringBuilder("oSim");
        while (id.length() < 28) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
