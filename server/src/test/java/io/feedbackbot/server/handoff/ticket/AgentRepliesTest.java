package io.feedbackbot.server.handoff.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feedbackbot.config.OrgSettings;
import io.feedbackbot.core.classify.ComplaintClassifier;
import io.feedbackbot.core.conversation.ConversationKey;
import io.feedbackbot.core.engine.ConversationEngine;
import io.feedbackbot.core.engine.EngineObserver;
import io.feedbackbot.core.engine.EngineSettings;
import io.feedbackbot.core.message.InboundContent;
import io.feedbackbot.core.message.InboundMessage;
import io.feedbackbot.core.outbound.Delivery;
import io.feedbackbot.core.outbound.DeliveryOutcome;
import io.feedbackbot.core.outbound.OutboundSender;
import io.feedbackbot.core.store.TicketRequest;
import io.feedbackbot.core.ticket.Deadlines;
import io.feedbackbot.core.ticket.Ticket;
import io.feedbackbot.core.ticket.TicketEvent;
import io.feedbackbot.core.ticket.TicketOutbox;
import io.feedbackbot.dialogs.survey.AccountProfile;
import io.feedbackbot.dialogs.survey.DialogSettings;
import io.feedbackbot.dialogs.survey.FollowUpSurvey;
import io.feedbackbot.dialogs.survey.SurveyCatalog;
import io.feedbackbot.dialogs.survey.SurveyDialog;
import io.feedbackbot.redis.RedisKeys;
import io.feedbackbot.redis.conversation.RedisConversationStore;
import io.feedbackbot.redis.conversation.RedisTimerIndex;
import io.feedbackbot.redis.testing.TestRedis;
import io.feedbackbot.redis.ticket.RedisTicketOutbox;
import io.feedbackbot.redis.ticket.RedisTicketStore;
import io.feedbackbot.server.handoff.live.LiveTickets;
import io.feedbackbot.server.http.HttpError;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/**
 * An agent writing to a WeChat customer whose customer-service window is spent: the agent is told, and offered the
 * SMS fallback when the ticket has the customer's number; the SMS goes out once per request, never to a number that
 * opted out. The WeChat channel is stood in for by a sender that refuses as it does.
 */
class AgentRepliesTest {

    private static final String PHONE = "+8613800138000";

    private final UnifiedJedis redis = TestRedis.client();
    private final RedisKeys keys = TestRedis.freshKeys();
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService blocking = Executors.newFixedThreadPool(4);
    private final RecordingSender wechat = new RecordingSender(
            new DeliveryOutcome.NotSent("outside the customer-service window and no template configured"));
    private final RecordingSender sms = new RecordingSender(new DeliveryOutcome.Sent("SM1"));
    private final RedisConversationStore conversations = new RedisConversationStore(redis, keys, Duration.ofDays(30));
    private final ConversationEngine engine = new ConversationEngine(new SurveyDialog(new SurveyCatalog(
            List.of(FollowUpSurvey.definition()), Map.of(), AccountProfile.basic()), DialogSettings.defaults()),
            conversations, new RedisTimerIndex(redis, keys), ComplaintClassifier.NONE,
            Map.of("wechat", wechat, "sms", sms), clock, EngineObserver.NONE, EngineSettings.defaults());
    private final Deadlines deadlines = new Deadlines(Map.of("normal",
            new Deadlines.Windows(Duration.ofHours(2), Duration.ofHours(24))));
    private final RedisTicketStore store = new RedisTicketStore(redis, keys, Duration.ofDays(400));
    private final TicketService tickets = new TicketService(store, deadlines, engine, new LiveTickets(redis, keys),
            clock, blocking);
    private final AgentReplies replies = new AgentReplies(tickets, conversations, engine, Set.of("webchat"),
            new AgentReplies.SmsFallback(sms, "sms-main"), clock, blocking);

    @AfterEach
    void stop() {
        engine.close();
        blocking.shutdownNow();
    }

    /** A WeChat customer asks for a person; the ticket carries {@code phone} in its context; ann claims it. */
    private Ticket claimedTicket(String openid, String phone) {
        ConversationKey key = new ConversationKey("wechat", "oa", openid);
        engine.handle(new InboundMessage(key, openid + "-1", new InboundContent.Text("人工"), clock.instant(), null)).join();
        TicketOutbox outbox = new RedisTicketOutbox(redis, keys);
        TicketRequest r = outbox.next("test", Duration.ofMillis(200), 10).stream()
                .map(e -> ((TicketOutbox.Requested) e).request()).filter(x -> x.key().equals(key)).findFirst().orElseThrow();
        TicketRequest withPhone = new TicketRequest(r.ticketId(), r.key(), r.reason(), r.priority(), r.evidence(),
                r.surveyId(), r.invitationId(), phone == null ? Map.of() : Map.of("phone", phone), r.answers(), r.at());
        tickets.create(new TicketRouting(new OrgSettings(new OrgSettings.Unit("HQ", "HQ", List.of(), null), List.of()),
                "default", deadlines).ticketFor(withPhone));
        tickets.claim(r.ticketId(), "ann").join();
        return store.find(r.ticketId()).orElseThrow();
    }

    @Test
    void aSpentWeChatWindowIsReportedWithTheSmsFallbackOnOffer() {
        Ticket t = claimedTicket("o-1", PHONE);

        AgentReplies.Sent sent = replies.reply(t, "ann", "您好，请问方便电话联系吗？").join();

        assertTrue(sent.windowClosed());
        assertFalse(sent.mailbox());
        assertEquals(ConversationKey.mask(PHONE), sent.smsOffer());
        assertEquals("您好，请问方便电话联系吗？", wechat.sent.get(wechat.sent.size() - 1).text());
        TicketEvent logged = store.events(t.id(), 10).get(store.events(t.id(), 10).size() - 1);
        assertEquals("message", logged.type());
        assertTrue(logged.details().get("outcome").startsWith("not_sent: outside the customer-service window"));
    }

    @Test
    void theSmsFallbackSendsOncePerRequestThroughTheSmsChannel() {
        Ticket t = claimedTicket("o-2", PHONE);

        DeliveryOutcome first = replies.sms(t, "ann", "请回电 400-000-0000", "req-00000001").join();

        assertInstanceOf(DeliveryOutcome.Sent.class, first);
        Delivery d = sms.sent.get(0);
        assertEquals("ticket:" + t.id() + "/sms/req-00000001", d.deliveryId());
        assertEquals(new ConversationKey("sms", "sms-main", PHONE), d.to());
        assertEquals(Delivery.Purpose.AGENT, d.purpose());
        assertEquals(ConversationKey.mask(PHONE), store.events(t.id(), 10).stream()
                .filter(e -> e.type().equals("sms")).findFirst().orElseThrow().details().get("to"));
    }

    @Test
    void noSmsGoesToANumberThatOptedOut() {
        String phone = "+8613900139000";
        redis.set(keys.conversation(new ConversationKey("sms", "sms-main", phone), "optout"), "1");
        Ticket t = claimedTicket("o-3", phone);

        CompletionException e = assertThrows(CompletionException.class,
                () -> replies.sms(t, "ann", "hello", "req-00000002").join());

        assertEquals(409, ((HttpError) e.getCause()).status().code());
        assertEquals(List.of(), sms.sent);
    }

    @Test
    void withoutAPhoneNumberThereIsNoOfferAndOtherRefusalsAreNotAWindow() {
        Ticket t = claimedTicket("o-4", null);
        AgentReplies.Sent sent = replies.reply(t, "ann", "hi").join();
        assertTrue(sent.windowClosed());
        assertNull(sent.smsOffer());
        assertFalse(replies.smsAvailable(t));

        assertFalse(AgentReplies.WINDOW_CLOSED.matcher("errcode 40001: invalid credential").matches());
        assertTrue(AgentReplies.WINDOW_CLOSED.matcher("errcode 45015: response out of time limit").matches());
        assertTrue(AgentReplies.WINDOW_CLOSED.matcher("errcode 45047: out of response count limit").matches());
    }

    /** A channel sender that answers every delivery the same way and remembers them. */
    private static final class RecordingSender implements OutboundSender {
        final List<Delivery> sent = new CopyOnWriteArrayList<>();
        private final DeliveryOutcome outcome;

        RecordingSender(DeliveryOutcome outcome) {
            this.outcome = outcome;
        }

        @Override
        public DeliveryOutcome deliver(Delivery delivery) {
            sent.add(delivery);
            return outcome;
        }
    }
}
