package io.feedbackbot.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feedbackbot.core.answer.AnswerRecord;
import io.feedbackbot.core.answer.AnswerStatus;
import io.feedbackbot.core.classify.ComplaintAssessment;
import io.feedbackbot.core.classify.ComplaintClassifier;
import io.feedbackbot.core.conversation.ConversationKey;
import io.feedbackbot.core.conversation.ConversationState;
import io.feedbackbot.core.conversation.Invitation;
import io.feedbackbot.core.conversation.Language;
import io.feedbackbot.core.dialog.Action;
import io.feedbackbot.core.dialog.Dialog;
import io.feedbackbot.core.dialog.DialogInput;
import io.feedbackbot.core.dialog.Transition;
import io.feedbackbot.core.message.InboundContent;
import io.feedbackbot.core.message.InboundMessage;
import io.feedbackbot.core.outbound.DeliveryOutcome;
import io.feedbackbot.core.store.Commit;
import io.feedbackbot.core.store.StoredConversation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConversationEngineTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    private static final ConversationKey SMS = new ConversationKey("sms", "main", "+8613800000000");
    private static final ConversationKey WEB = new ConversationKey("webchat", "demo", "u-42");

    private final InMemoryConversationStore store = new InMemoryConversationStore();
    private final RecordingSender sender = new RecordingSender();
    private final List<DialogInput> seen = new ArrayList<>();
    private ConversationEngine engine;

    /** A dialog that echoes text, records it as an answer, and on invitation says hello and wants a wake-up. */
    private final Dialog echo = (state, input) -> {
        synchronized (seen) {
            seen.add(input);
        }
        if (input instanceof DialogInput.CustomerText text) {
            AnswerRecord answer = new AnswerRecord(AnswerRecord.idFor("inv", "q" + text.text()), "s", "inv", null,
                    "q" + text.text(), "text", null, text.text(), null, AnswerStatus.ANSWERED, text.text(),
                    Language.EN, state.key(), Map.of(), null, text.at(), null, null);
            return Transition.of(state.withLastInboundAt(text.at()), new Action.RecordAnswer(answer),
                    new Action.SendReply("echo: " + text.text()));
        }
        if (input instanceof DialogInput.SurveyInvited invited) {
            return Transition.of(state.withLastInvitedAt(invited.at()), new Action.SendReply("hello"),
                    new Action.ScheduleTimeout(invited.at().plus(Duration.ofHours(24))));
        }
        if (input instanceof DialogInput.TimeoutElapsed) {
            return Transition.of(state, new Action.SendReply("time is up"));
        }
        return Transition.of(state);
    };

    private ConversationEngine engine(Dialog dialog, Clock clock) {
        engine = new ConversationEngine(dialog, store, store, ComplaintClassifier.NONE, Map.of("sms", sender),
                clock, EngineObserver.NONE, new EngineSettings(4, 100, 2, 3, Duration.ofSeconds(60),
                Set.of("webchat")));
        return engine;
    }

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    private static InboundMessage text(ConversationKey key, String id, String text) {
        return new InboundMessage(key, id, new InboundContent.Text(text), T0);
    }

    @Test
    void aMessageIsAnsweredInlineAndItsAnswerStored() throws Exception {
        HandleResult result = engine(echo, Clock.fixed(T0, ZoneOffset.UTC)).handle(text(SMS, "m-1", "9")).get();

        assertEquals(List.of("echo: 9"), result.replies());
        assertFalse(result.duplicate());
        assertEquals(1, store.answers.size());
        assertEquals(1, store.load(SMS).orElseThrow().version());
        assertTrue(sender.sent.isEmpty(), "inline replies are not sent through the provider");
    }

    @Test
    void aRetriedMessageReturnsTheSameRepliesAndChangesNothing() throws Exception {
        ConversationEngine e = engine(echo, Clock.fixed(T0, ZoneOffset.UTC));
        e.handle(text(SMS, "m-1", "9")).get();
        int commits = store.commits;

        HandleResult again = e.handle(text(SMS, "m-1", "9")).get();

        assertTrue(again.duplicate());
        assertEquals(List.of("echo: 9"), again.replies());
        assertEquals(commits, store.commits, "a duplicate commits nothing");
        assertEquals(1, seen.size(), "the dialog saw the message once");
    }

    @Test
    void aLostRaceIsDecidedAgainFromTheWinnersState() throws Exception {
        AtomicInteger interferences = new AtomicInteger();
        store.interfere = c -> interferences.getAndIncrement() == 0;

        HandleResult result = engine(echo, Clock.fixed(T0, ZoneOffset.UTC)).handle(text(SMS, "m-1", "9")).get();

        assertEquals(List.of("echo: 9"), result.replies());
        assertEquals(2, seen.size(), "the dialog decided twice");
        assertEquals(2, store.load(SMS).orElseThrow().version(), "the winner's write and ours");
        assertEquals(1, store.answers.size(), "the answer is stored once");
    }

    @Test
    void aConversationThatKeepsChangingFailsAfterTheConfiguredAttempts() {
        store.interfere = c -> true;
        var future = engine(echo, Clock.fixed(T0, ZoneOffset.UTC)).handle(text(SMS, "m-1", "9"));

        Exception failure = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, future::get);
        assertTrue(failure.getCause() instanceof io.feedbackbot.core.store.ConcurrentUpdateException);
    }

    @Test
    void anInvitationSendsThroughTheProviderAndSchedulesItsTimeout() throws Exception {
        ConversationEngine e = engine(echo, Clock.fixed(T0, ZoneOffset.UTC));
        Invitation invitation = new Invitation("inv-1", "s", SMS, Language.EN, Map.of(), null, T0);

        InviteResult result = e.invite(invitation).get();

        assertTrue(result.started());
        assertEquals(List.of("hello"), sender.texts());
        assertTrue(result.outcomes().get(0) instanceof DeliveryOutcome.Sent);
        assertEquals(T0.plus(Duration.ofHours(24)), store.timers.get(SMS), "after sending, the timer is exact");
        assertEquals(T0.plus(Duration.ofHours(24)), store.load(SMS).orElseThrow().wakeAt());
    }

    @Test
    void aMailboxChannelGetsItsMessagesInTheSameSaveInsteadOfThroughASender() throws Exception {
        ConversationEngine e = engine(echo, Clock.fixed(T0, ZoneOffset.UTC));

        e.invite(new Invitation("inv-1", "s", WEB, Language.EN, Map.of(), null, T0)).get();

        assertEquals(List.of("hello"), store.mailbox.stream().map(m -> m.text()).toList());
        assertTrue(sender.sent.isEmpty());
        assertTrue(store.load(WEB).orElseThrow().deliveries().isEmpty());
    }

    @Test
    void deliveriesLeftUnsentByACrashAreSentOnceWhenTheConversationIsNextLoaded() throws Exception {
        ConversationState state = ConversationState.fresh(SMS);
        io.feedbackbot.core.outbound.Delivery pending = new io.feedbackbot.core.outbound.Delivery("d-1", SMS,
                "question 2", io.feedbackbot.core.outbound.Delivery.Purpose.CONVERSATION, Map.of());
        store.conversations.put(SMS, new StoredConversation(state, 3, List.of(), List.of(pending), null));
        ConversationEngine e = engine(echo, Clock.fixed(T0, ZoneOffset.UTC));

        e.handle(text(SMS, "m-1", "hi")).get();
        e.handle(text(SMS, "m-2", "again")).get();
        e.wake(SMS).get();

        assertEquals(List.of("question 2"), sender.texts(), "the stranded delivery went out exactly once");
    }

    @Test
    void aDueTimeoutWakesTheDialogAndANotYetDueOneDoesNot() throws Exception {
        MutableClock clock = new MutableClock(T0);
        ConversationEngine e = engine(echo, clock);
        e.invite(new Invitation("inv-1", "s", SMS, Language.EN, Map.of(), null, T0)).get();
        TimerSweeper sweeper = new TimerSweeper(store, e, clock, Duration.ofSeconds(60), 10, t -> { });

        clock.now = T0.plus(Duration.ofHours(1));
        assertEquals(0, sweeper.sweep());

        clock.now = T0.plus(Duration.ofHours(25));
        assertEquals(1, sweeper.sweep());
        e.wake(SMS).get();

        assertEquals(List.of("hello", "time is up"), sender.texts());
        StoredConversation after = store.load(SMS).orElseThrow();
        assertNull(after.wakeAt(), "a fired timeout is consumed");
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void textIsClassifiedOnceBeforeTheDialogDecides() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        ComplaintClassifier classifier = (t, l) -> {
            calls.incrementAndGet();
            return new ComplaintAssessment(0.9, "delivery", List.of("cold"));
        };
        engine = new ConversationEngine(echo, store, store, classifier, Map.of(), Clock.fixed(T0, ZoneOffset.UTC),
                EngineObserver.NONE, EngineSettings.defaults());

        engine.handle(text(WEB, "m-1", "food was cold")).get();
        engine.handle(text(WEB, "m-2", "9")).get();

        assertEquals(1, calls.get(), "digits say nothing about a language and are not classified");
        DialogInput.CustomerText first = (DialogInput.CustomerText) seen.get(0);
        assertEquals(0.9, first.complaint().probability());
        assertEquals(Language.EN, first.detected());
    }

    @Test
    void commitsCarryTheNextVersion() {
        StoredConversation previous = StoredConversation.fresh(SMS);
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () ->
                new Commit(previous, previous, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null));
        assertTrue(e.getMessage().contains("version"));
    }

    @Test
    void anAgentsMessageIsSentAsAnAgentDeliveryAndTranscribedUnderTheAgentsName() throws Exception {
        Dialog relay = (state, input) -> input instanceof DialogInput.AgentMessage m
                ? Transition.of(state, new Action.SendReply(m.text(), io.feedbackbot.core.outbound.Delivery.Purpose.AGENT))
                : Transition.of(state);
        ConversationEngine e = engine(relay, Clock.fixed(T0, ZoneOffset.UTC));

        List<DeliveryOutcome> outcomes = e.submit(SMS, new DialogInput.AgentMessage("t-1", "agent1", "sorry!", T0)).get();

        assertTrue(outcomes.get(0) instanceof DeliveryOutcome.Sent);
        assertEquals(io.feedbackbot.core.outbound.Delivery.Purpose.AGENT, sender.sent.get(0).purpose());
        assertEquals(List.of(new io.feedbackbot.core.store.TranscriptLine("agent:agent1", "sorry!", T0)),
                store.transcript);
    }

    @Test
    void theCustomersWordsAndTheBotsRepliesAreTranscribedInOrder() throws Exception {
        engine(echo, Clock.fixed(T0, ZoneOffset.UTC)).handle(text(WEB, "m-1", "hello")).get();

        assertEquals(List.of("customer: hello", "bot: echo: hello"),
                store.transcript.stream().map(l -> l.from() + ": " + l.text()).toList());
    }

    @Test
    void theSameInvitationTwiceIsOneInvitation() throws Exception {
        ConversationEngine e = engine(echo, Clock.fixed(T0, ZoneOffset.UTC));
        Invitation invitation = new Invitation("inv-1", "s", SMS, Language.EN, Map.of(), "camp-1", T0);

        InviteResult first = e.invite(invitation).get();
        InviteResult again = e.invite(invitation).get();

        assertTrue(first.started() && !first.duplicate());
        assertTrue(again.duplicate() && !again.started());
        assertEquals(List.of("hello"), sender.texts(), "one message for one invitation");
    }
}
