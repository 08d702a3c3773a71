package io.feedbackbot.server.app;
import io.feedbackbot.config.ConfigException;
import io.feedbackbot.config.FeedbackbotSettings;
import io.feedbackbot.config.OrgSettings;
import io.feedbackbot.config.survey.SurveyFiles;
import io.feedbackbot.core.classify.ComplaintClassifier;
import io.feedbackbot.core.engine.ConversationEngine;
import io.feedbackbot.core.engine.EngineSettings;
import io.feedbackbot.core.engine.TimerSweeper;
import io.feedbackbot.core.outbound.DeliveryEvents;
import io.feedbackbot.core.outbound.OutboundSender;
import io.feedbackbot.dialogs.escalation.EscalationPolicy;
import io.feedbackbot.dialogs.intent.Intent;
import io.feedbackbot.dialogs.intent.IntentLexicon;
import io.feedbackbot.dialogs.survey.AccountProfile;
import io.feedbackbot.dialogs.survey.DialogSettings;
import io.feedbackbot.dialogs.survey.LocalizedText;
import io.feedbackbot.dialogs.survey.Phrases;
import io.feedbackbot.dialogs.survey.SurveyCatalog;
import io.feedbackbot.dialogs.survey.SurveyDefinition;
import io.feedbackbot.dialogs.survey.SurveyDialog;
import io.feedbackbot.opennlp.OpenNlpComplaintClassifier;
import io.feedbackbot.redis.RedisConnections;
import io.feedbackbot.redis.RedisKeys;
import io.feedbackbot.redis.answer.AnswerRetention;
import io.feedbackbot.redis.answer.RedisResponseStore;
import io.feedbackbot.redis.conversation.RedisConversationStore;
import io.feedbackbot.redis.conversation.RedisTimerIndex;
import io.feedbackbot.redis.embedded.EmbeddedRedis;
import io.feedbackbot.redis.mailbox.RedisMailbox;
import io.feedbackbot.server.api.ApiAuth;
import io.feedbackbot.server.api.InvitationRoutes;
import io.feedbackbot.server.api.ResponseRoutes;
import io.feedbackbot.server.campaign.CampaignModule;
import io.feedbackbot.server.channel.Channel;
import io.feedbackbot.server.channel.ChannelRuntime;
import io.feedbackbot.server.channel.ParkedMessages;
import io.feedbackbot.server.handoff.HandoffModule;
import io.feedbackbot.server.http.HttpDispatcher;
import io.feedbackbot.server.http.HttpServer;
import io.feedbackbot.server.http.Router;
import io.feedbackbot.server.integrations.Webhooks;
import io.feedbackbot.server.ops.EngineMetrics;
import io.feedbackbot.server.ops.OpsRoutes;
import io.feedbackbot.server.reports.Reports;
import io.feedbackbot.server.sms.SmsChannel;
import io.feedbackbot.server.web.ReportPages;
import io.feedbackbot.server.web.StaticRoutes;
import io.feedbackbot.server.webchat.WebchatChannel;
import io.feedbackbot.server.wechat.WechatChannel;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;

/**
 * The composition root: builds every part from the settings, wires them by hand (one Redis client, one engine,
 * one HTTP server), starts them, and stops them in reverse order. Nothing here is static.
 */
public final class Application implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Application.class);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final FeedbackbotSettings settings;
    private HttpServer http;
    private AdminToken adminToken;
    private ConversationEngine engine;
    private CampaignModule campaigns;
    private ParkedMessages parked;
    private List<Channel> channels = List.of();
    private Clock clock;
    private HandoffModule handoff;
    private Reports reports;

    private Application(FeedbackbotSettings settings) {
        this.settings = settings;
    }

    /** Builds and starts everything; on failure, stops what was started and rethrows. */
    public static Application start(FeedbackbotSettings settings, Map<String, String> env, Clock clock) {
        return start(settings, env, clock, DeliveryEvents.NONE);
    }

    /** As {@link #start(FeedbackbotSettings, Map, Clock)}, telling {@code deliveries} of provider delivery reports. */
    public static Application start(FeedbackbotSettings settings, Map<String, String> env, Clock clock,
                                    DeliveryEvents deliveries) {
        Application app = new Application(settings);
        try {
            app.boot(env, clock, deliveries);
            return app;
        } catch (RuntimeException | IOException | InterruptedException e) {
            app.close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
        }
    }

    private void boot(Map<String, String> env, Clock clock, DeliveryEvents deliveries)
            throws IOException, InterruptedException {
        List<SurveyDefinition> surveys = new SurveyFiles(env).load(settings.surveys().dir());
        String redisUrl = settings.redis().url();
        if (settings.redis().embedded()) {
            EmbeddedRedis embedded = EmbeddedRedis.start(settings.dataDir().resolve("redis"),
                    settings.redis().embeddedPort(), settings.redis().embeddedFsync().equals("always")
                            ? EmbeddedRedis.Persistence.ALWAYS : EmbeddedRedis.Persistence.EVERY_SECOND);
            started.push(embedded);
            redisUrl = embedded.url();
        }
        // Work that waits on Redis off the event loop (WeChat's reply claims and customer-service window, API
        // reads) runs on the blocking pool. With appendfsync always each of those waits for an fsync, so a pool
        // smaller than the lanes caps the webhook rate below what the lanes could do (16 threads did for WeChat).
        int blockingThreads = Math.max(16, settings.engine().lanes());
        UnifiedJedis redis = RedisConnections.open(redisUrl,
                settings.engine().lanes() + settings.engine().deliveryLanes() + blockingThreads + 16);
        started.push(redis);
        redis.ping();
        RedisKeys keys = new RedisKeys(settings.redis().keyPrefix());
        ExecutorService blocking = Executors.newFixedThreadPool(blockingThreads, named("blocking"));
        started.push(blocking::shutdownNow);

        OkHttpClient providerHttp = new OkHttpClient();
        started.push(() -> {
            providerHttp.dispatcher().executorService().shutdown();
            providerHttp.connectionPool().evictAll();
        });
        SmsChannel sms = new SmsChannel(settings.channels().sms(), settings.source(), settings.surveys().quietPeriod(),
                settings.redis().conversationRetention().plusDays(7), redis, keys, providerHttp, clock);
        sms.warnAboutLongPrompts(surveys);
        WechatChannel wechat = new WechatChannel(settings.channels().wechat(), settings.surveys().quietPeriod(), surveys,
                redis, keys, providerHttp, settings.redis().conversationRetention().plusDays(7), clock);
        List<Channel> channels = List.of(new WebchatChannel(settings.channels().webchat(), settings.surveys().quietPeriod(),
                new RedisMailbox(redis, keys), blocking), sms, wechat);
        channels.forEach(started::push);
        SurveyCatalog catalog = catalog(surveys, channels);

        RedisTimerIndex timers = new RedisTimerIndex(redis, keys);
        ComplaintClassifier classifier = complaintClassifier();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        SurveyDialog dialog = new SurveyDialog(catalog, new DialogSettings(phrases(), new EscalationPolicy(
                settings.complaints().threshold(), settings.complaints().urgentWords()),
                settings.handoff().noticeAfter(), Duration.ofMinutes(10)));
        campaigns = new CampaignModule(settings.campaigns(), redis, keys, clock);
        Map<String, OutboundSender> senders = new HashMap<>();
        Set<String> mailboxChannels = new HashSet<>();
        for (Channel channel : channels) {
            channel.sender().ifPresentOrElse(s -> senders.put(channel.name(), campaigns.counting(s)),
                    () -> mailboxChannels.add(channel.name()));
        }
        RedisConversationStore conversations = new RedisConversationStore(redis, keys,
                settings.redis().conversationRetention());
        engine = new ConversationEngine(dialog, conversations, timers, classifier, senders, clock,
                new EngineMetrics(registry), new EngineSettings(settings.engine().lanes(), 10_000,
                settings.engine().deliveryLanes(), 8, Duration.ofSeconds(60), mailboxChannels));
        started.push(engine);
        started.push(campaigns);
        registry.gauge("feedbackbot.lanes.queued", engine, ConversationEngine::queued);
        TimerSweeper sweeper = new TimerSweeper(timers, engine, clock, Duration.ofSeconds(60), 500,
                e -> log.warn("timer sweep failed: {}", e.toString()));
        sweeper.start(Duration.ofMillis(500));
        started.push(sweeper);

        AnswerRetention retention = new AnswerRetention(redis, keys);
        ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(named("housekeeping"));
        started.push(housekeeping::shutdownNow);
        housekeeping.scheduleWithFixedDelay(() -> {
            try {
                retention.trimBefore(surveys.stream().map(SurveyDefinition::id).toList(),
                        clock.instant().minus(settings.redis().answerRetention()));
            } catch (RuntimeException e) {
                log.warn("answer retention failed: {}", e.toString());
            }
        }, 1, 60, TimeUnit.MINUTES);

        String node = "node-" + UUID.randomUUID().toString().substring(0, 8);
        reports = Reports.start(redis, keys, settings, catalog, store -> settings.org().areaOf(store)
                .map(OrgSettings.Area::id).orElse(""), clock, blocking, node);
        started.push(reports);
        Map<String, String> answerStreams = new TreeMap<>();
        catalog.surveys().forEach(s -> answerStreams.put(s.id(), keys.survey(s.id(), "answers")));
        Webhooks webhooks = Webhooks.start(settings.webhooks(), redis, answerStreams, keys.global("{tickets}:events"),
                providerHttp, node, registry, blocking);
        started.push(webhooks);

        adminToken = AdminToken.resolve(settings.adminToken(), settings.dataDir());
        handoff = new HandoffModule(settings, new HandoffModule.Parts(redis, keys, engine, conversations, senders,
                mailboxChannels, providerHttp, blocking, clock, adminToken.value(), env));
        started.push(handoff);
        ApiAuth auth = new ApiAuth(handoff.authenticator());
        Router router = new Router();
        StaticRoutes staticRoutes = new StaticRoutes();
        staticRoutes.register(router);
        new ReportPages().register(router);
        new OpsRoutes(() -> ping(redis), registry, blocking).register(router);
        parked = new ParkedMessages(redis, keys);
        this.channels = channels;
        this.clock = clock;
        DeliveryEvents campaignDeliveries = campaigns.deliveryEvents();
        ChannelRuntime runtime = new ChannelRuntime(engine, blocking, clock, (id, attributes, state, detail, at) -> {
            campaignDeliveries.updated(id, attributes, state, detail, at);
            deliveries.updated(id, attributes, state, detail, at);
        }, parked);
        housekeeping.scheduleWithFixedDelay(() -> {
            try {
                resumeParkedMessages(Duration.ofMinutes(2));
            } catch (RuntimeException e) {
                log.warn("resuming parked messages failed: {}", e.toString());
            }
        }, 30, 30, TimeUnit.SECONDS);
        channels.forEach(c -> c.register(router, runtime));
        new InvitationRoutes(engine, catalog, (channel, account) -> channels.stream()
                .anyMatch(c -> c.name().equals(channel) && c.accounts().contains(account)),
                (channel, account, raw) -> channels.stream().filter(c -> c.name().equals(channel)).findFirst()
                        .map(c -> c.customerId(account, raw)).orElse(raw), clock).register(router, auth);
        campaigns.start(new CampaignModule.Wiring(engine, surveys.stream().map(SurveyDefinition::id).toList(),
                (channel, account) -> channels.stream().anyMatch(c -> c.name().equals(channel)
                        && c.accounts().contains(account)),
                (channel, account, raw) -> channels.stream().filter(c -> c.name().equals(channel)).findFirst()
                        .map(c -> c.customerId(account, raw)).orElse(raw),
                settings.redis().conversationRetention(), router, auth, blocking));

        handoff.register(router, staticRoutes);
        new ResponseRoutes(new RedisResponseStore(redis, keys), catalog, blocking, settings.reports().timeZone())
                .register(router, auth);
        reports.register(router, auth);
        webhooks.register(router, auth);

        http = HttpServer.start(settings.http().host(), settings.http().port(), settings.http().maxBodyBytes(),
                new HttpDispatcher(router), pipeline -> {
                    handoff.pipeline(pipeline);
                    campaigns.install(pipeline);
                });
        started.push(http);
    }

    /** The surveys and every channel's account profiles; an account's default survey must exist. */
    private SurveyCatalog catalog(List<SurveyDefinition> surveys, List<Channel> channels) {
        Set<String> ids = surveys.stream().map(SurveyDefinition::id).collect(Collectors.toSet());
        Map<String, AccountProfile> profiles = new HashMap<>();
        for (Channel channel : channels) {
            channel.profiles().forEach((account, profile) -> {
                for (String survey : Arrays.asList(profile.defaultSurvey(), profile.welcomeSurvey())) {
                    if (survey != null && !ids.contains(survey)) {
                        throw new ConfigException(settings.source() + ": channels." + channel.name() + " account '"
                                + account + "' names a survey that does not exist: '" + survey + "' (surveys: "
                                + String.join(", ", ids) + ")");
                    }
                }
                profiles.put(channel.name() + ":" + account, withLeaveKeywords(profile));
            });
        }
        return new SurveyCatalog(surveys, profiles, AccountProfile.basic());
    }

    /**
     * Hands messages parked longer than {@code grace} ago (their node died between answering the webhook early and
     * storing them) back to the engine, and their replies to their channel; returns how many. Runs every 30 s.
     */
    public int resumeParkedMessages(Duration grace) {
        return parked.recover(clock.instant(), grace, message -> channels.stream()
                .filter(c -> c.name().equals(message.key().channel())).findFirst()
                .ifPresent(channel -> engine.handle(message).thenAccept(result ->
                        channel.replyLate(message, result.replies())).join()));
    }

    /** The operator's model when the configuration names one, else the shipped model. */
    private ComplaintClassifier complaintClassifier() {
        String model = settings.complaints().model();
        List<String> categories = settings.complaints().categories();
        if (model.isBlank()) {
            return OpenNlpComplaintClassifier.shipped(categories);
        }
        Path file = Path.of(model);
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(settings.source() + ": key 'complaints.model' names no file: " + model);
        }
        log.info("complaint model: {}", file.toAbsolutePath());
        return OpenNlpComplaintClassifier.fromFile(file, categories);
    }

    /** The bot's phrases, with the configured "nobody has taken it yet" message. */
    private Phrases phrases() {
        Map<String, String> noAgent = settings.handoff().noAgentMessage();
        return noAgent.isEmpty() ? Phrases.defaults() : Phrases.defaults().withNoAgentYet(
                LocalizedText.of(noAgent.get("zh-CN"), noAgent.get("en")));
    }

    /** The account's profile with the configured keywords for leaving the agent queue. */
    private AccountProfile withLeaveKeywords(AccountProfile p) {
        List<String> leave = settings.handoff().leaveKeywords();
        if (leave.isEmpty()) {
            return p;
        }
        return new AccountProfile(p.defaultSurvey(), p.welcomeSurvey(), p.defaultLanguage(),
                p.lexicon().plus(new IntentLexicon(Map.of(Intent.LEAVE_QUEUE, leave), Map.of())), p.helpText(),
                p.quietPeriod());
    }

    private static boolean ping(UnifiedJedis redis) {
        try {
            return "PONG".equals(redis.ping());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    public int port() {
        return http.port();
    }

    /** The live-agent hand-off (tickets, console, deadlines). */
    public HandoffModule handoff() {
        return handoff;
    }

    public Reports reports() {
        return reports;
    }

    public AdminToken adminToken() {
        return adminToken;
    }

    public CampaignModule campaigns() {
        return campaigns;
    }

    public FeedbackbotSettings settings() {
        return settings;
    }

    /** Stops everything that was started, newest first; failures are logged, not thrown. */
    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable part = started.pop();
            try {
                part.close();
            } catch (Exception e) {
                log.warn("while stopping: {}", e.toString());
            }
        }
    }
}
