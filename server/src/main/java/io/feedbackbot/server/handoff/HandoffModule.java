package io.feedbackbot.server.handoff;

import io.feedbackbot.config.FeedbackbotSettings;
import io.feedbackbot.config.HandoffSettings;
import io.feedbackbot.core.engine.ConversationEngine;
import io.feedbackbot.core.outbound.OutboundSender;
import io.feedbackbot.core.store.ConversationStore;
import io.feedbackbot.core.store.Transcripts;
import io.feedbackbot.core.ticket.Deadlines;
import io.feedbackbot.core.ticket.TicketStore;
import io.feedbackbot.redis.RedisKeys;
import io.feedbackbot.redis.conversation.RedisTranscripts;
import io.feedbackbot.redis.ticket.RedisTicketOutbox;
import io.feedbackbot.redis.ticket.RedisTicketStore;
import io.feedbackbot.server.handoff.api.ConsolePages;
import io.feedbackbot.server.handoff.api.TicketRoutes;
import io.feedbackbot.server.handoff.auth.Authenticator;
import io.feedbackbot.server.handoff.auth.DemoPassword;
import io.feedbackbot.server.handoff.auth.LoginRoutes;
import io.feedbackbot.server.handoff.auth.PasswordHashes;
import io.feedbackbot.server.handoff.auth.Sessions;
import io.feedbackbot.server.handoff.auth.UserDirectory;
import io.feedbackbot.server.handoff.escalation.DeadlineChecker;
import io.feedbackbot.server.handoff.escalation.OrgLadder;
import io.feedbackbot.server.handoff.live.AgentSockets;
import io.feedbackbot.server.handoff.live.AgentStream;
import io.feedbackbot.server.handoff.live.LiveTickets;
import io.feedbackbot.server.handoff.ticket.AgentReplies;
import io.feedbackbot.server.handoff.ticket.TicketIntake;
import io.feedbackbot.server.handoff.ticket.TicketRouting;
import io.feedbackbot.server.handoff.ticket.TicketService;
import io.feedbackbot.server.handoff.ticket.TicketViews;
import io.feedbackbot.server.http.Router;
import io.feedbackbot.server.web.StaticRoutes;
import io.netty.channel.ChannelPipeline;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;

/**
 * The live-agent hand-off, wired: work orders from the engine's outbox, the ticket API and console pages, the
 * agents' WebSocket, deadlines and escalation notices, console logins. The application builds it once the engine
 * exists, registers its routes, adds its WebSocket stage to the HTTP pipeline, and closes it before Redis.
 */
public final class HandoffModule implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HandoffModule.class);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final String node = "node-" + UUID.randomUUID().toString().substring(0, 8);
    private final TicketStore store;
    private final DeadlineChecker deadlines;
    private final TicketIntake intake;
    private final LiveTickets live;
    private final AgentSockets sockets;
    private final AgentStream stream;
    private final TicketRoutes ticketRoutes;
    private final LoginRoutes loginRoutes;
    private final DemoPassword demoPassword;

    /** The parts of the application the hand-off needs. */
    public record Parts(UnifiedJedis redis, RedisKeys keys, ConversationEngine engine, ConversationStore conversations,
                        Map<String, OutboundSender> senders, Set<String> mailboxChannels, OkHttpClient http,
                        Executor blocking, Clock clock, String adminToken, Map<String, String> env) {
    }

    public HandoffModule(FeedbackbotSettings settings, Parts p) throws IOException {
        HandoffSettings h = settings.handoff();
        Map<String, Deadlines.Windows> windows = new HashMap<>();
        h.deadlines().forEach((priority, d) -> windows.put(priority, new Deadlines.Windows(d.claim(), d.resolve())));
        Deadlines rules = new Deadlines(windows);
        store = new RedisTicketStore(p.redis(), p.keys(), h.ticketRetention());
        live = new LiveTickets(p.redis(), p.keys());
        started.push(live);
        TicketViews views = new TicketViews(h.nearDeadline());
        TicketService tickets = new TicketService(store, rules, p.engine(), live, p.clock(), p.blocking());
        Transcripts transcripts = new RedisTranscripts(p.redis(), p.keys());
        AgentReplies replies = new AgentReplies(tickets, p.conversations(), p.engine(), p.mailboxChannels(),
                new AgentReplies.SmsFallback(p.senders().get("sms"), h.smsFallbackAccount()), p.clock(), p.blocking());

        boolean anyDemo = settings.console().users().stream().anyMatch(u -> u.demo());
        demoPassword = anyDemo ? DemoPassword.resolve(p.env().get(DemoPassword.VARIABLE), settings.dataDir()) : null;
        UserDirectory users = new UserDirectory(settings.console(), settings.org(), h.defaultQueue(),
                settings.apiTokens(), p.adminToken(), anyDemo ? PasswordHashes.bcrypt(demoPassword.value().toCharArray())
                : null);
        Sessions sessions = new Sessions(p.redis(), p.keys(), settings.console().sessionTtl());
        Authenticator auth = new Authenticator(users, sessions, p.blocking());
        loginRoutes = new LoginRoutes(users, sessions, auth, p.blocking(), settings.http().publicUrl().startsWith("https:"));
        ticketRoutes = new TicketRoutes(auth, store, tickets, replies, transcripts, users, views, p.clock(), p.blocking());

        sockets = new AgentSockets(store, transcripts, views, p.clock(), p.blocking());
        started.push(sockets);
        sockets.start(live);
        stream = new AgentStream(auth, sockets, settings.http().publicUrl());

        intake = new TicketIntake(new RedisTicketOutbox(p.redis(), p.keys()), store,
                new TicketRouting(settings.org(), h.defaultQueue(), rules), tickets, node, h.ticketRetention(), p.clock());
        started.push(intake);
        intake.start();
        deadlines = new DeadlineChecker(p.redis(), p.keys(), store, rules, live, new OrgLadder(settings.org()), p.http(),
                settings.http().publicUrl(), node, p.clock());
        started.push(deadlines);
        deadlines.start(h.checkEvery());
        log.info("hand-off ready on {}: {} console users, default queue {}", node, settings.console().users().size(),
                h.defaultQueue());
    }

    /** Adds the login, ticket and console routes. */
    public void register(Router router, StaticRoutes pages) {
        loginRoutes.register(router);
        ticketRoutes.register(router);
        new ConsolePages(pages).register(router);
    }

    /** Adds the agents' WebSocket to a connection's pipeline (the HTTP server's extra stage). */
    public void pipeline(ChannelPipeline pipeline) {
        stream.install(pipeline);
    }

    /** The deadline checker (tests run it by hand with an injected clock). */
    public DeadlineChecker deadlines() {
        return deadlines;
    }

    public TicketStore tickets() {
        return store;
    }

    public TicketIntake intake() {
        return intake;
    }

    /** Whether this node hears ticket announcements (tests wait for it). */
    public boolean live() {
        return live.listening();
    }

    public int consoles() {
        return sockets.connected();
    }

    /** The demo users' password, or null when no user is a demo user. */
    public DemoPassword demoPassword() {
        return demoPassword;
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                log.warn("while stopping the hand-off: {}", e.toString());
            }
        }
    }
}
