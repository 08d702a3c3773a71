package io.feedbackbot.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.feedbackbot.config.yaml.EnvSubstitution;
import io.feedbackbot.config.yaml.YamlSection;
import io.feedbackbot.core.conversation.Language;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code feedbackbot.yaml}: the file given with {@code --config}, else {@code config/feedbackbot.yaml} in
 * the working directory, else the built-in default. Substitutes {@code ${VAR}}, applies the
 * {@code FEEDBACKBOT_HTTP_PORT}, {@code FEEDBACKBOT_DATA_DIR}, {@code FEEDBACKBOT_REDIS_URL} and
 * {@code FEEDBACKBOT_ADMIN_TOKEN} overrides, and validates every key.
 */
public final class SettingsLoader {

    /** The conventional location, relative to the working directory. */
    public static final Path DEFAULT_FILE = Path.of("config", "feedbackbot.yaml");
    static final String BUNDLED = "/io/feedbackbot/config/defaults/feedbackbot.yaml";

    private final Map<String, String> env;

    public SettingsLoader(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** @param file the file named with {@code --config}, or null for the default search */
    public FeedbackbotSettings load(Path file) {
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new ConfigException(file + ": no such file");
            }
            return read(file.toString(), readTree(file));
        }
        if (Files.isRegularFile(DEFAULT_FILE)) {
            return read(DEFAULT_FILE.toString(), readTree(DEFAULT_FILE));
        }
        try (InputStream in = SettingsLoader.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new ConfigException("the built-in configuration is missing from the build");
            }
            return read("built-in feedbackbot.yaml", new YAMLMapper().readTree(in));
        } catch (IOException e) {
            throw new ConfigException("built-in feedbackbot.yaml: " + e.getMessage(), e);
        }
    }

    static JsonNode readTree(Path file) {
        try {
            return new YAMLMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new ConfigException(file + ": not valid YAML: " + firstLine(e.getMessage()), e);
        }
    }

    private FeedbackbotSettings read(String source, JsonNode tree) {
        YamlSection root = new YamlSection(source, tree, new EnvSubstitution(env));
        HttpSettings http = http(root.section("http"));
        Path dataDir = Path.of(override("FEEDBACKBOT_DATA_DIR", root.string("dataDir", "./data")));
        RedisSettings redis = redis(root.section("redis"));
        EngineConfig engine = engine(root.section("engine"));
        SurveysSettings surveys = surveys(root.section("surveys"));
        ComplaintSettings complaints = complaints(root.section("complaints"));
        ChannelsSettings channels = ChannelsReader.read(root.section("channels"));
        HandoffSettings handoff = HandoffReader.handoff(root.section("handoff"), channels);
        YamlSection orgSection = root.section("org");
        OrgSettings org = HandoffReader.org(orgSection);
        Set<String> queues = new HashSet<>(Set.of(handoff.defaultQueue()));
        org.stores().forEach(s -> queues.add(s.queue()));
        ConsoleSettings console = HandoffReader.console(root.section("console"), queues);
        HandoffReader.checkStoreAgents(orgSection, org, console);
        CampaignSettings campaigns = CampaignsReader.read(root.section("campaigns"), redis);
        YamlSection api = root.section("api");
        String adminToken = override("FEEDBACKBOT_ADMIN_TOKEN", api.string("adminToken", ""));
        List<ConsoleSettings.ApiToken> tokens = HandoffReader.tokens(api, queues);
        api.finish();
        root.finish();
        return new FeedbackbotSettings(source, http, dataDir, redis, engine, surveys, complaints, channels,
                adminToken.isBlank() ? null : adminToken, handoff, org, console, tokens, campaigns);
    }

    private HttpSettings http(YamlSection s) {
        String host = s.string("host", "127.0.0.1");
        int port = s.integer("port", 8080, 0, 65535);
        String envPort = env.get("FEEDBACKBOT_HTTP_PORT");
        if (envPort != null && !envPort.isBlank()) {
            try {
                port = Integer.parseInt(envPort.trim());
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 0 || port > 65535) {
                throw new ConfigException("FEEDBACKBOT_HTTP_PORT must be a port number (0-65535), not '" + envPort + "'");
            }
        }
        int maxBody = s.integer("maxBodyBytes", 64 * 1024, 1024, 64 * 1024 * 1024);
        String publicUrl = s.string("publicUrl", "");
        s.finish();
        if (publicUrl.isBlank()) {
            publicUrl = "http://" + (host.equals("0.0.0.0") ? "127.0.0.1" : host) + ":" + port;
        }
        return new HttpSettings(host, port, maxBody, stripSlash(publicUrl));
    }

    private RedisSettings redis(YamlSection s) {
        String url = override("FEEDBACKBOT_REDIS_URL", s.string("url", ""));
        if (!url.isBlank() && !url.matches("(redis|rediss|redis-cluster)://.+")) {
            throw s.fail("url", "must start with redis://, rediss:// or redis-cluster:// (or be empty for the embedded Redis), not '" + url + "'");
        }
        String prefix = s.string("keyPrefix", "fb:");
        if (prefix.contains("{") || prefix.contains("}")) {
            throw s.fail("keyPrefix", "must not contain braces");
        }
        RedisSettings settings = new RedisSettings(url, prefix,
                s.duration("conversationRetention", Duration.ofDays(30)),
                s.duration("answerRetention", Duration.ofDays(400)),
                s.integer("embeddedPort", 0, 0, 65535),
                s.string("embeddedFsync", "always"));
        if (!settings.embeddedFsync().equals("always") && !settings.embeddedFsync().equals("everysec")) {
            throw s.fail("embeddedFsync", "must be always or everysec, not '" + settings.embeddedFsync() + "'");
        }
        s.finish();
        return settings;
    }

    private static EngineConfig engine(YamlSection s) {
        EngineConfig engine = new EngineConfig(s.integer("lanes", 32, 1, 1024), s.integer("deliveryLanes", 8, 1, 256));
        s.finish();
        return engine;
    }

    private static SurveysSettings surveys(YamlSection s) {
        SurveysSettings surveys = new SurveysSettings(Path.of(s.string("dir", "config/surveys")),
                s.duration("quietPeriod", Duration.ofHours(12)));
        s.finish();
        return surveys;
    }

    private static ComplaintSettings complaints(YamlSection s) {
        ComplaintSettings complaints = new ComplaintSettings(s.string("model", ""),
                s.decimal("threshold", 0.7, 0.01, 1.0),
                s.strings("urgentWords", List.of("退款", "投诉", "12315", "曝光", "举报", "律师", "起诉", "报警", "消协",
                        "骗子", "refund", "lawyer", "sue", "worst", "scam", "fraud", "chargeback", "unacceptable")),
                s.strings("categories", List.of("delivery", "product_quality", "service_attitude", "price_billing",
                        "app_website", "other")));
        s.finish();
        return complaints;
    }

    /** Parses a language tag, with the supported tags in the error. */
    public static Language language(String tag) {
        return Language.fromTag(tag).orElseThrow(() ->
                new IllegalArgumentException("'" + tag + "' is not a supported language (zh-CN or en)"));
    }

    private String override(String variable, String value) {
        String fromEnv = env.get(variable);
        return fromEnv != null && !fromEnv.isBlank() ? fromEnv.trim() : value;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
