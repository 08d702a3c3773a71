package io.feedbackbot.redis.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feedbackbot.core.conversation.CollectedAnswer;
import io.feedbackbot.core.conversation.ConversationKey;
import io.feedbackbot.core.ticket.ChangeResult;
import io.feedbackbot.core.ticket.Deadlines;
import io.feedbackbot.core.ticket.Ticket;
import io.feedbackbot.core.ticket.TicketChange;
import io.feedbackbot.core.ticket.TicketEvent;
import io.feedbackbot.core.ticket.TicketOrigin;
import io.feedbackbot.core.ticket.TicketQuery;
import io.feedbackbot.core.ticket.TicketStatus;
import io.feedbackbot.redis.RedisKeys;
import io.feedbackbot.redis.testing.TestRedis;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

class RedisTicketStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    private static final Deadlines DEADLINES = new Deadlines(Map.of("normal",
            new Deadlines.Windows(Duration.ofMinutes(30), Duration.ofHours(4))));

    private final UnifiedJedis redis = TestRedis.client();
    private final RedisKeys keys = TestRedis.freshKeys();
    private final RedisTicketStore store = new RedisTicketStore(redis, keys, Duration.ofDays(400));

    static Ticket ticket(String id, String queue, String area) {
        TicketOrigin origin = new TicketOrigin("detractor", "normal", null, Map.of("score", "3", "question", "recommend"),
                "post-delivery-nps", "inv-1", Map.of("store", "SH-001"), List.of(new CollectedAnswer("recommend", "3", 3)),
                "SH-001", area, "delivery");
        return new Ticket(id, new ConversationKey("webchat", "demo", "u-" + id), origin, queue, null, TicketStatus.OPEN,
                0, DEADLINES.initial("normal", T0), null, null, 1);
    }

    private Ticket created(String id) {
        Ticket t = ticket(id, "store-sh-001", "east");
        assertTrue(store.create(t, new TicketEvent("created", T0, null, Map.of())));
        return t;
    }

    private Ticket applied(String id, TicketChange change) {
        return assertInstanceOf(ChangeResult.Applied.class, store.apply(id, change)).ticket();
    }

    @Test
    void aTicketIsCreatedOnceAndReadBackWithEverything() {
        Ticket t = created("t1");
        assertFalse(store.create(ticket("t1", "other", null), new TicketEvent("created", T0, null, Map.of())));

        Ticket read = store.find("t1").orElseThrow();
        assertEquals(t, read);
        assertEquals("store-sh-001", read.queue());
        assertEquals(List.of("created"), store.events("t1", 10).stream().map(TicketEvent::type).toList());
    }

    @Test
    void ofTwoAgentsClaimingAtOnceExactlyOneWinsAndTheOtherSeesWho() throws Exception {
        created("t2");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ChangeResult>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String agent = "agent-" + i;
            results.add(pool.submit(() -> {
                go.await();
                return store.apply("t2", new TicketChange.Claim(agent, T0.plusSeconds(5)));
            }));
        }
        go.countDown();
        List<String> winners = new ArrayList<>();
        List<String> toldWinner = new ArrayList<>();
        for (Future<ChangeResult> f : results) {
            ChangeResult r = f.get();
            if (r instanceof ChangeResult.Applied a) {
                winners.add(a.ticket().assignee());
            } else {
                toldWinner.add(((ChangeResult.Refused) r).current().assignee());
            }
        }
        pool.shutdown();
        assertEquals(1, winners.size());
        assertEquals(7, toldWinner.size());
        assertTrue(toldWinner.stream().allMatch(winners.get(0)::equals));
        assertEquals(TicketStatus.CLAIMED, store.find("t2").orElseThrow().status());
        assertEquals(2, store.events("t2", 10).size());
    }

    @Test
    void transferToAQueueReopensItThereWithAFreshClaimDeadline() {
        created("t3");
        applied("t3", new TicketChange.Claim("ann", T0.plusSeconds(60)));
        Instant fresh = T0.plus(Duration.ofHours(1));
        Ticket moved = applied("t3", new TicketChange.Transfer("ann", "default", null, fresh, "wrong store", T0.plusSeconds(120)));

        assertEquals(TicketStatus.OPEN, moved.status());
        assertNull(moved.assignee());
        assertEquals("default", moved.queue());
        assertEquals(fresh, moved.times().claimDueAt());
        assertEquals(List.of("t3"), ids(new TicketQuery(Set.of("default"), Set.of(TicketStatus.OPEN), 10)));
        assertEquals(List.of(), ids(new TicketQuery(Set.of("store-sh-001"), Set.of(TicketStatus.OPEN, TicketStatus.CLAIMED), 10)));
    }

    @Test
    void aTicketTransferredToAnAgentIsListedForThemWhateverItsQueue() {
        created("t9");
        applied("t9", new TicketChange.Transfer("sue", null, "bob", T0, null, T0.plusSeconds(1)));
        assertEquals(List.of("t9"), ids(new TicketQuery(Set.of("default"), Set.of(TicketStatus.OPEN,
                TicketStatus.CLAIMED), "bob", 10)));
        assertEquals(List.of(), ids(new TicketQuery(Set.of("default"), Set.of(TicketStatus.OPEN,
                TicketStatus.CLAIMED), "ann", 10)));
        applied("t9", new TicketChange.Resolve("bob", "bob", "done", false, T0.plusSeconds(2)));
        assertEquals(List.of(), ids(new TicketQuery(Set.of("default"), Set.of(TicketStatus.CLAIMED), "bob", 10)));
    }

    @Test
    void resolveNeedsTheExpectedAssigneeAndStartsTheRetention() {
        created("t4");
        applied("t4", new TicketChange.Claim("ann", T0));
        assertInstanceOf(ChangeResult.Refused.class,
                store.apply("t4", new TicketChange.Resolve("bob", "bob", "done", true, T0.plusSeconds(9))));

        Ticket done = applied("t4", new TicketChange.Resolve("ann", "ann", "refunded", true, T0.plusSeconds(10)));

        assertEquals(TicketStatus.RESOLVED, done.status());
        assertEquals(new Ticket.Resolution("ann", "refunded", true, null), done.resolution());
        assertTrue(redis.ttl(keys.ticket("t4")) > Duration.ofDays(399).toSeconds());
        assertTrue(redis.ttl(keys.ticket("t4") + ":events") > 0);
        assertEquals(List.of("t4"), ids(new TicketQuery(null, Set.of(TicketStatus.RESOLVED), 10)));
        assertEquals(List.of(), store.due(T0.plus(Duration.ofDays(30)), 10));
    }

    @Test
    void anEscalationAppliesOnceForTheDeadlineItSaw() {
        Ticket t = created("t5");
        Instant late = t.times().claimDueAt().plusSeconds(1);
        assertEquals(List.of("t5"), store.due(late, 10));
        TicketChange.Escalate step = DEADLINES.escalation(t, late).orElseThrow();

        Ticket up = applied("t5", step);
        assertInstanceOf(ChangeResult.Refused.class, store.apply("t5", step));

        assertEquals(Ticket.AREA, up.level());
        assertEquals(t.times().claimDueAt().plus(Duration.ofMinutes(30)), up.times().claimDueAt());
        assertEquals(List.of(), store.due(late, 10));
        assertEquals("escalated", store.events("t5", 10).get(1).type());
        assertEquals("area", store.events("t5", 10).get(1).details().get("to"));
    }

    @Test
    void theCustomerLeavingClosesAnOpenTicketAndTheFollowUpIsRecorded() {
        created("t6");
        Ticket closed = applied("t6", new TicketChange.Close(null, "customer_left", null,
                Set.of(TicketStatus.OPEN, TicketStatus.CLAIMED), T0.plusSeconds(5)));
        assertEquals("customer_left", closed.resolution().reason());
        Ticket answered = applied("t6", new TicketChange.RecordFollowUp("handling", "", T0.plusSeconds(6)));
        assertEquals("", answered.followUp().handling());
    }

    @Test
    void indexEntriesOfEndedTicketsAreTrimmedAfterTheRetention() {
        created("t7");
        applied("t7", new TicketChange.Close("sue", "no_contact", null, Set.of(TicketStatus.OPEN), T0));
        store.trim(T0.plusSeconds(1));
        assertEquals(List.of(), ids(new TicketQuery(null, Set.of(TicketStatus.CLOSED), 10)));
        assertEquals(List.of(), ids(new TicketQuery(Set.of("store-sh-001"), Set.of(TicketStatus.CLOSED), 10)));
    }

    @Test
    void aStaleIndexEntryIsCorrectedWhenRead() {
        Ticket t = created("t8");
        redis.zadd(keys.global("{tickets}:s:claimed"), 1, "t8");
        assertEquals(List.of(), ids(new TicketQuery(null, Set.of(TicketStatus.CLAIMED), 10)));
        assertEquals(List.of("t8"), ids(new TicketQuery(null, Set.of(TicketStatus.OPEN), 10)));
        assertEquals(0, redis.zcard(keys.global("{tickets}:s:claimed")));
        assertEquals(t, store.find("t8").orElseThrow());
    }

    private List<String> ids(TicketQuery query) {
        return store.list(query).stream().map(Ticket::id).toList();
    }
}
