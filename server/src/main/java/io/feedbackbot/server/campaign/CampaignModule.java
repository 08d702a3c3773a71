package io.feedbackbot.server.campaign;

import io.feedbackbot.config.CampaignSettings;
import io.feedbackbot.config.holiday.HolidayFiles;
import io.feedbackbot.core.engine.ConversationEngine;
import io.feedbackbot.core.outbound.DeliveryEvents;
import io.feedbackbot.core.outbound.OutboundSender;
import io.feedbackbot.dialogs.campaign.HolidayCalendar;
import io.feedbackbot.redis.RedisKeys;
import io.feedbackbot.redis.campaign.CampaignKeys;
import io.feedbackbot.redis.campaign.CampaignTally;
import io.feedbackbot.redis.campaign.PaceLimiter;
import io.feedbackbot.redis.campaign.RecipientShards;
import io.feedbackbot.redis.campaign.RedisCampaignStore;
import io.feedbackbot.server.api.ApiAuth;
import io.feedbackbot.server.campaign.api.AudienceUploadHandler;
import io.feedbackbot.server.campaign.api.CampaignRoutes;
import io.feedbackbot.server.campaign.api.OutcomeExport;
import io.feedbackbot.server.campaign.api.ProgressEvents;
import io.feedbackbot.server.campaign.dispatch.CampaignDispatcher;
import io.feedbackbot.server.campaign.dispatch.CampaignLoader;
import io.feedbackbot.server.campaign.tracking.CampaignDeliveryEvents;
import io.feedbackbot.server.campaign.tracking.CampaignMarks;
import io.feedbackbot.server.campaign.tracking.CountingSender;
import io.feedbackbot.server.campaign.tracking.ResponseCounter;
import io.feedbackbot.server.http.Router;
import io.netty.channel.ChannelPipeline;
import java.lang.management.ManagementFactory;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;

/**
 * Outbound survey campaigns, wired in two steps because the engine needs the counting senders and the campaign
 * dispatcher needs the engine: construct before the engine (senders and delivery events), {@link #start} after
 * it (API, dispatcher, response counter). Closing stops the dispatcher first, so no new sends start.
 */
public final class CampaignModule implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CampaignModule.class);

    /** What {@link #start} needs from the rest of the application. */
    public record Wiring(ConversationEngine engine, Collection<String> surveys, BiPredicate<String, String> accountExists,
                         CampaignService.CustomerIds customerIds, Duration conversationRetention, Router router,
                         ApiAuth auth, Executor blocking) {
    }

    private final CampaignSettings settings;
    private final UnifiedJedis redis;
    private final RedisKeys redisKeys;
    private final Clock clock;
    private final CampaignKeys keys;
    private final RedisCampaignStore store;
    private final RecipientShards shards;
    private final CampaignTally tally;
    private final CampaignMarks marks;
    private final Map<String, HolidayCalendar> calendars;
    private final String node;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private CampaignDispatcher dispatcher;
    private CampaignRoutes routes;
    private ApiAuth auth;
    private Executor blocking;

    public CampaignModule(CampaignSettings settings, UnifiedJedis redis, RedisKeys redisKeys, Clock clock) {
        this.settings = settings;
        this.redis = redis;
        this.redisKeys = redisKeys;
        this.clock = clock;
        this.keys = new CampaignKeys(redisKeys);
        this.store = new RedisCampaignStore(redis, keys);
        this.shards = new RecipientShards(redis, keys);
        this.tally = new CampaignTally(redis, keys, settings.retention());
        this.marks = new CampaignMarks(tally);
        started.push(marks);
        this.calendars = new HolidayFiles().load(settings.holidays());
        this.node = nodeId();
    }

    /** The channel's sender, counting campaign reminders and tagging campaign messages with their purpose. */
    public OutboundSender counting(OutboundSender sender) {
        return new CountingSender(sender, marks);
    }

    /** Where channels report delivery callbacks: counts campaign invitations delivered or not. */
    public DeliveryEvents deliveryEvents() {
        return new CampaignDeliveryEvents(marks);
    }

    public void start(Wiring w) {
        this.auth = w.auth();
        this.blocking = w.blocking();
        CampaignRequest requests = new CampaignRequest(settings, w.conversationRetention(),
                w.surveys()::contains, w.accountExists(), calendars::containsKey);
        CampaignService service = new CampaignService(store, shards, tally, requests, w.customerIds(), calendars,
                settings, clock);
        ProgressEvents events = new ProgressEvents(service::view, w.blocking());
        started.push(events);
        started.push(store.subscribe(events::changed));
        routes = new CampaignRoutes(service, events, new OutcomeExport(shards, settings.shards()), w.blocking());
        routes.register(w.router(), w.auth());
        ResponseCounter responses = new ResponseCounter(redis, redisKeys, tally, w.surveys(), node);
        responses.start(Duration.ofMillis(500));
        started.push(responses);
        dispatcher = new CampaignDispatcher(store, shards, new PaceLimiter(redis, keys),
                new CampaignLoader(store, calendars, settings.shards()), w.engine(), clock, settings, node);
        dispatcher.start();
        started.push(dispatcher);
        log.info("campaigns: node {}, {} shards per campaign, lease {}, holiday calendars {}", node, settings.shards(),
                settings.lease(), calendars.keySet());
    }

    /** Adds the streaming audience upload to a connection's pipeline, before the body limit. */
    public void install(ChannelPipeline pipeline) {
        pipeline.addBefore("limit", "audience-upload", new AudienceUploadHandler(auth, settings.maxAudienceBytes(),
                blocking, routes::importAudience));
    }

    public CampaignDispatcher dispatcher() {
        return dispatcher;
    }

    private static String nodeId() {
        String name = ManagementFactory.getRuntimeMXBean().getName();
        byte[] random = new byte[2];
        new SecureRandom().nextBytes(random);
        return name.replaceAll("[^A-Za-z0-9@._-]", "") + "-" + HexFormat.of().formatHex(random);
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                log.warn("while stopping campaigns: {}", e.toString());
            }
        }
    }
}
