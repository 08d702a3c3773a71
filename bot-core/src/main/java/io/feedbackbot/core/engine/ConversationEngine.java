package io.feedbackbot.core.engine;

import io.feedbackbot.core.classify.ComplaintAssessment;
import io.feedbackbot.core.classify.ComplaintClassifier;
import io.feedbackbot.core.conversation.ConversationKey;
import io.feedbackbot.core.conversation.Invitation;
import io.feedbackbot.core.conversation.Language;
import io.feedbackbot.core.dialog.Dialog;
import io.feedbackbot.core.dialog.DialogInput;
import io.feedbackbot.core.dialog.Transition;
import io.feedbackbot.core.message.InboundContent;
import io.feedbackbot.core.message.InboundMessage;
import io.feedbackbot.core.outbound.Delivery;
import io.feedbackbot.core.outbound.DeliveryOutcome;
import io.feedbackbot.core.outbound.OutboundSender;
import io.feedbackbot.core.store.Commit;
import io.feedbackbot.core.store.ConcurrentUpdateException;
import io.feedbackbot.core.store.ConversationStore;
import io.feedbackbot.core.store.ProcessedMessage;
import io.feedbackbot.core.store.StoredConversation;
import io.feedbackbot.core.store.TimerIndex;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Runs dialogs against the world. For each input it loads the conversation, asks the dialog for a transition,
 * saves it with compare-and-set (reloading and deciding again when another node won), and then carries out what
 * must happen after the save: provider sends on their own lanes, at most once each.
 *
 * <p>A customer message is acknowledged (its future completes) only after its transition is stored, so a
 * completed future means nothing is lost. Provider retries of a handled message id return the replies given the
 * first time and change nothing.
 */
public final class ConversationEngine implements AutoCloseable {

    private final Dialog dialog;
    private final ConversationStore store;
    private final TimerIndex timers;
    private final ComplaintClassifier classifier;
    private final Map<String, OutboundSender> senders;
    private final Clock clock;
    private final EngineObserver observer;
    private final EngineSettings settings;
    private final Lanes lanes;
    private final Lanes deliveryLanes;
    private final DeliveredVersions delivered = new DeliveredVersions(100_000);

    public ConversationEngine(Dialog dialog, ConversationStore store, TimerIndex timers, ComplaintClassifier classifier,
                              Map<String, OutboundSender> senders, Clock clock, EngineObserver observer,
                              EngineSettings settings) {
        this.dialog = dialog;
        this.store = store;
        this.timers = timers;
        this.classifier = classifier;
        this.senders = Map.copyOf(senders);
        this.clock = clock;
        this.observer = observer;
        this.settings = settings;
        this.lanes = new Lanes("conversation", settings.lanes(), settings.laneQueue());
        this.deliveryLanes = new Lanes("delivery", settings.deliveryLanes(), settings.laneQueue());
    }

    /** Handles one customer message; the future completes once its effects are stored. */
    public CompletableFuture<HandleResult> handle(InboundMessage message) {
        return lanes.submit(message.key(), () -> {
            long start = System.nanoTime();
            DialogInput input = toInput(message);
            Applied applied = apply(message.key(), message.messageId(), stored -> input, true);
            observer.messageHandled(message.key(), applied.duplicate(), applied.replies().size(),
                    System.nanoTime() - start);
            return new HandleResult(applied.replies(), applied.duplicate());
        });
    }

    /**
     * Starts a survey with a customer; the future completes once the first message went to the channel. The same
     * invitation id twice is one invitation: the repeat is reported as a duplicate and sends nothing (so a campaign
     * may re-drive a recipient whose first attempt's outcome was lost in a crash).
     */
    public CompletableFuture<InviteResult> invite(Invitation invitation) {
        return lanes.submit(invitation.to(), () -> apply(invitation.to(), "invitation:" + invitation.invitationId(),
                        stored -> new DialogInput.SurveyInvited(invitation, clock.instant()), false))
                .thenCompose(applied -> applied.sent().thenApply(outcomes -> {
                    boolean duplicate = applied.duplicate() || "duplicate_invitation".equals(applied.declined());
                    return new InviteResult(invitation.invitationId(), applied.declined() == null && !duplicate,
                            duplicate ? "duplicate_invitation" : applied.declined(), duplicate, outcomes);
                }));
    }

    /**
     * Hands any other input to a conversation (an agent joined, wrote, or ended the work order); the future
     * completes once the resulting messages went to the channel, with how each went.
     */
    public CompletableFuture<List<DeliveryOutcome>> submit(ConversationKey key, DialogInput input) {
        return lanes.submit(key, () -> apply(key, null, stored -> input, false)).thenCompose(Applied::sent);
    }

    /** Delivers a due timeout to the conversation (called by the {@link TimerSweeper}). */
    public CompletableFuture<Void> wake(ConversationKey key) {
        return lanes.submit(key, () -> apply(key, null, stored -> {
            Instant now = clock.instant();
            boolean due = stored.wakeAt() != null && !stored.wakeAt().isAfter(now);
            return due ? new DialogInput.TimeoutElapsed(now) : null;
        }, false)).thenCompose(Applied::sent).thenApply(outcomes -> null);
    }

    private DialogInput toInput(InboundMessage message) {
        Instant at = message.receivedAt();
        InboundContent content = message.content();
        if (content instanceof InboundContent.Text text) {
            Optional<Language> detected = Language.detect(text.text());
            ComplaintAssessment complaint = detected.map(l -> classifier.assess(text.text(), l))
                    .orElse(ComplaintAssessment.NONE);
            return new DialogInput.CustomerText(text.text(), at, detected.orElse(message.languageHint()), complaint);
        }
        if (content instanceof InboundContent.Media media) {
            return new DialogInput.CustomerMedia(media.type(), at);
        }
        InboundContent.Event event = (InboundContent.Event) content;
        return new DialogInput.CustomerEvent(event.event(), event.eventKey(), at);
    }

    private Applied apply(ConversationKey key, String messageId, Function<StoredConversation, DialogInput> inputFor,
                          boolean repliesInline) {
        for (int attempt = 1; attempt <= settings.commitAttempts(); attempt++) {
            StoredConversation stored = store.load(key).orElseGet(() -> StoredConversation.fresh(key));
            List<Delivery> unfinished = delivered.isDone(key, stored.version()) ? List.of() : stored.deliveries();
            if (messageId != null) {
                Optional<ProcessedMessage> seen = stored.processed(messageId);
                if (seen.isPresent()) {
                    return new Applied(seen.get().replies(), true, null,
                            dispatch(key, stored.version(), unfinished, stored.wakeAt()));
                }
            }
            DialogInput input = inputFor.apply(stored);
            if (input == null) {
                if (unfinished.isEmpty()) {
                    timers.set(key, stored.wakeAt());
                }
                return new Applied(List.of(), false, null,
                        dispatch(key, stored.version(), unfinished, stored.wakeAt()));
            }
            Transition transition = dialog.next(stored.state(), input);
            TransitionPlan plan = TransitionPlan.of(stored, transition, input, messageId, repliesInline,
                    settings.mailboxChannels().contains(key.channel()), unfinished);
            Commit commit = plan.commit(clock.instant().plus(settings.recoveryDelay()));
            if (store.commit(commit)) {
                commit.answers().forEach(observer::answerRecorded);
                commit.tickets().forEach(observer::ticketRequested);
                StoredConversation next = commit.next();
                return new Applied(plan.replies(), false, plan.declined(),
                        dispatch(key, next.version(), next.deliveries(), next.wakeAt()));
            }
            observer.commitConflict(key);
        }
        throw new ConcurrentUpdateException(key, settings.commitAttempts());
    }

    /** Sends deliveries in order on the conversation's delivery lane, then points the timer at its real time. */
    private CompletableFuture<List<DeliveryOutcome>> dispatch(ConversationKey key, long version,
                                                              List<Delivery> deliveries, Instant wakeAt) {
        if (deliveries.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        return deliveryLanes.submit(key, () -> {
            List<DeliveryOutcome> outcomes = new ArrayList<>(deliveries.size());
            for (Delivery d : deliveries) {
                DeliveryOutcome outcome = send(d);
                observer.delivered(d, outcome);
                outcomes.add(outcome);
            }
            delivered.markDone(key, version);
            timers.set(key, wakeAt);
            return outcomes;
        });
    }

    private DeliveryOutcome send(Delivery delivery) {
        OutboundSender sender = senders.get(delivery.to().channel());
        if (sender == null) {
            return new DeliveryOutcome.NotSent("no sender for channel " + delivery.to().channel());
        }
        try {
            return sender.deliver(delivery);
        } catch (RuntimeException e) {
            return new DeliveryOutcome.Unknown(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Inputs waiting in the conversation lanes (a gauge of load). */
    public int queued() {
        return lanes.queued();
    }

    @Override
    public void close() {
        lanes.close();
        deliveryLanes.close();
    }

    /** The result of applying one input, before its deliveries finish. */
    private record Applied(List<String> replies, boolean duplicate, String declined,
                           CompletableFuture<List<DeliveryOutcome>> sent) {
    }
}
