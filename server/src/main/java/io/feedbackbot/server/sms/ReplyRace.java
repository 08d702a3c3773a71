package io.feedbackbot.server.sms;

import io.feedbackbot.core.engine.ConversationEngine;
import io.feedbackbot.core.engine.HandleResult;
import io.feedbackbot.core.message.InboundMessage;
import io.feedbackbot.server.channel.ParkedMessages;
import io.feedbackbot.server.http.Reply;
import io.feedbackbot.sms.twiml.Twiml;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers an inbound SMS webhook with the engine's replies as TwiML when they are ready within the account's
 * {@code replyDeadline}; otherwise answers {@code <Response/>} at the deadline and sends the replies through the
 * REST API once the engine is done. Whichever of the two completes the webhook's answer first wins, so one request
 * never does both; across provider retries of one MessageSid, {@link RedisReplyModes} makes the same choice hold.
 *
 * <p>Duplicates (the engine saw the MessageSid before) send nothing new: they repeat the stored replies as TwiML
 * (the provider only retries when it did not get the first answer) unless the original went asynchronous, and
 * then answer {@code <Response/>}. A deadline of zero always goes asynchronous. A message answered before the
 * engine stored it is parked durably first ({@link ParkedMessages}), so the early answer never loses it. Nothing
 * here blocks the caller.
 */
final class ReplyRace {

    private static final Logger log = LoggerFactory.getLogger(ReplyRace.class);

    private final ConversationEngine engine;
    private final RedisReplyModes modes;
    private final AsyncReplies async;
    private final ParkedMessages parked;
    private final Executor blocking;

    ReplyRace(ConversationEngine engine, RedisReplyModes modes, AsyncReplies async, ParkedMessages parked,
              Executor blocking) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.modes = Objects.requireNonNull(modes, "modes");
        this.async = Objects.requireNonNull(async, "async");
        this.parked = Objects.requireNonNull(parked, "parked");
        this.blocking = Objects.requireNonNull(blocking, "blocking");
    }

    CompletableFuture<Reply> answer(SmsLine line, InboundMessage message) {
        CompletableFuture<Reply> answer = new CompletableFuture<>();
        AtomicReference<String> parkedAs = new AtomicReference<>();
        CompletableFuture<HandleResult> handled;
        if (line.account().replyDeadline().isZero()) {
            // A zero deadline always goes asynchronous: park and answer first, then start the engine, instead of
            // racing a zero delay against an engine that may finish first.
            handled = CompletableFuture.runAsync(() -> answerAtDeadline(message, answer, parkedAs), blocking)
                    .thenCompose(parkedFirst -> engine.handle(message));
        } else {
            handled = engine.handle(message);
            CompletableFuture.delayedExecutor(line.account().replyDeadline().toMillis(), TimeUnit.MILLISECONDS,
                    blocking).execute(() -> answerAtDeadline(message, answer, parkedAs));
        }
        handled.whenComplete((result, error) -> {
            if (error != null) {
                if (!answer.completeExceptionally(error)) {
                    log.error("inbound SMS {} on {} failed after its webhook was answered; it stays parked and is "
                            + "retried: {}", message.messageId(), line.id(), error.toString());
                }
            } else if (result.duplicate()) {
                blocking.execute(() -> {
                    repeat(line, message, result.replies(), answer);
                    release(parkedAs);
                });
            } else {
                String rendered = render(result.replies());
                if (rendered == null || !answer.complete(twiml(rendered))) {
                    answer.complete(twiml(Twiml.empty()));
                    blocking.execute(() -> {
                        late(line, message, result.replies());
                        release(parkedAs);
                    });
                }
            }
        });
        return answer;
    }

    /**
     * The deadline passed before the engine finished: park the message durably, then answer {@code <Response/>}
     * (the handle is set before the answer completes, so whoever sees the answer completed finds the handle).
     */
    private void answerAtDeadline(InboundMessage message, CompletableFuture<Reply> answer,
                                  AtomicReference<String> parkedAs) {
        if (answer.isDone()) {
            return;
        }
        try {
            parkedAs.set(parked.park(message));
        } catch (RuntimeException e) {
            answer.completeExceptionally(e);
            return;
        }
        if (!answer.complete(twiml(Twiml.empty()))) {
            release(parkedAs);
        }
    }

    private void release(AtomicReference<String> parkedAs) {
        String handle = parkedAs.getAndSet(null);
        if (handle != null) {
            parked.release(handle);
        }
    }

    /**
     * A retry: the stored replies again, unless the original's replies went through the API. If the deadline
     * answers this retry between its claim and its answer, the claim obliges it to send them through the API.
     */
    private void repeat(SmsLine line, InboundMessage message, List<String> replies, CompletableFuture<Reply> answer) {
        String rendered = render(replies);
        if (answer.isDone() || replies.isEmpty() || rendered == null) {
            answer.complete(twiml(Twiml.empty()));
            return;
        }
        ReplyMode mode;
        try {
            mode = modes.claim(message.key(), message.messageId(), ReplyMode.TWIML);
        } catch (RuntimeException e) {
            answer.completeExceptionally(e);
            return;
        }
        if (mode == ReplyMode.ASYNC) {
            answer.complete(twiml(Twiml.empty()));
        } else if (!answer.complete(twiml(rendered))) {
            async.send(line, message.key(), message.messageId(), replies);
        }
    }

    /** The deadline answered first: the replies go through the API, unless a retry already carried them. */
    void late(SmsLine line, InboundMessage message, List<String> replies) {
        if (replies.isEmpty()) {
            return;
        }
        try {
            if (modes.claim(message.key(), message.messageId(), ReplyMode.ASYNC) == ReplyMode.ASYNC) {
                async.send(line, message.key(), message.messageId(), replies);
            }
        } catch (RuntimeException e) {
            log.error("late replies to {} on {} not sent: {}", message.messageId(), line.id(), e.toString());
        }
    }

    /** TwiML for the replies ({@code <Response/>} for none), or null when they are too large for TwiML. */
    private static String render(List<String> replies) {
        try {
            return Twiml.reply(replies);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Reply twiml(String body) {
        return Reply.Full.text(HttpResponseStatus.OK, Twiml.CONTENT_TYPE, body);
    }
}
