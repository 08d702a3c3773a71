package io.feedbackbot.server.wechat;

import io.feedbackbot.core.conversation.ConversationKey;
import io.feedbackbot.core.engine.HandleResult;
import io.feedbackbot.core.outbound.Delivery;
import io.feedbackbot.core.outbound.DeliveryOutcome;
import io.feedbackbot.core.outbound.OutboundSender;
import io.feedbackbot.core.message.InboundMessage;
import io.feedbackbot.server.channel.ParkedMessages;
import io.feedbackbot.server.http.Reply;
import io.feedbackbot.wechat.reply.PassiveReply;
import io.feedbackbot.wechat.webhook.InboundDecoding;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the engine's answer to a WeChat message into the HTTP reply within the account's deadline: the replies
 * as one passive reply (encrypted when the push was) when they are ready in time, else {@code success} at once
 * and the replies later through the customer-service API. Which of the two happens is decided once per message
 * by a {@link ReplyClaim}, so WeChat's retries and twins on other nodes never produce a second reply. A message
 * answered {@code success} before the engine stored it is parked durably first ({@link ParkedMessages}) and released
 * once its late reply was handled, so {@code success} never loses it. Waiting never blocks a thread: the deadline is
 * a timer on the future; Redis work runs on the blocking executor.
 */
final class ReplyRouting {

    private static final Logger log = LoggerFactory.getLogger(ReplyRouting.class);

    /** What one request needs to answer. */
    record Pending(AccountParts account, InboundDecoding.Accepted accepted, InboundMessage message) {
        ConversationKey key() {
            return message.key();
        }

        String messageId() {
            return message.messageId();
        }

        Instant receivedAt() {
            return message.receivedAt();
        }

        String loggedId() {
            return WechatKeys.masked(key(), messageId());
        }
    }

    private final ReplyClaims claims;
    private final OutboundSender sender;
    private final ParkedMessages parked;
    private final Executor blocking;
    private final Clock clock;

    ReplyRouting(ReplyClaims claims, OutboundSender sender, ParkedMessages parked, Executor blocking, Clock clock) {
        this.claims = claims;
        this.sender = sender;
        this.parked = parked;
        this.blocking = blocking;
        this.clock = clock;
    }

    static Reply.Full success() {
        return Reply.Full.text(HttpResponseStatus.OK, "text/plain; charset=utf-8", PassiveReply.ACK);
    }

    /** The reply to a request whose engine result is {@code handled}. */
    CompletableFuture<Reply> answer(Pending pending, CompletableFuture<HandleResult> handled) {
        Duration deadline = pending.account().account().passiveReplyDeadline();
        if (deadline.isZero()) {
            return CompletableFuture.supplyAsync(() -> switchToAsync(pending, handled), blocking);
        }
        return handled.thenApply(Optional::of)
                .completeOnTimeout(Optional.empty(), deadline.toMillis(), TimeUnit.MILLISECONDS)
                .thenApplyAsync(result -> result.isPresent() ? inTime(pending, result.get())
                        : switchToAsync(pending, handled), blocking);
    }

    private Reply inTime(Pending pending, HandleResult result) {
        if (result.replies().isEmpty()) {
            return success();
        }
        Optional<ReplyClaim> other = claims.claim(pending.key(), pending.messageId(),
                new ReplyClaim(ReplyClaim.Route.PASSIVE, pending.receivedAt()));
        if (other.isPresent() && !other.get().passiveAgainFor(pending.receivedAt())) {
            log.debug("{} {} already answered ({}); this request answers success", pending.key(),
                    pending.loggedId(), other.get().route());
            return success();
        }
        String xml = pending.account().webhook().reply(pending.accepted(), joined(result), clock.instant());
        return Reply.Full.text(HttpResponseStatus.OK, "text/xml; charset=utf-8", xml);
    }

    private Reply switchToAsync(Pending pending, CompletableFuture<HandleResult> handled) {
        String handle = parked.park(pending.message());
        Optional<ReplyClaim> other = claims.claim(pending.key(), pending.messageId(),
                new ReplyClaim(ReplyClaim.Route.ASYNC, pending.receivedAt()));
        if (other.isPresent()) {
            parked.release(handle);
            return success();
        }
        log.info("{} {}: reply not ready within {}; it goes through the customer-service API", pending.key(),
                pending.loggedId(), pending.account().account().passiveReplyDeadline());
        handled.whenCompleteAsync((result, error) -> {
            if (error != null) {
                log.error("{} {} failed after WeChat was told success; it stays parked and is retried: {}",
                        pending.key(), pending.loggedId(), error.toString());
                return;
            }
            sendLate(pending.message(), result.replies());
            parked.release(handle);
        }, blocking);
        return success();
    }

    /** Sends replies through the customer-service API, at most once per message id. */
    void sendLate(InboundMessage message, List<String> replies) {
        if (replies.isEmpty()) {
            return;
        }
        Delivery late = new Delivery(message.key().id() + "/late/" + message.messageId(), message.key(),
                String.join("\n\n", replies), Delivery.Purpose.CONVERSATION, Map.of());
        DeliveryOutcome outcome = sender.deliver(late);
        if (!(outcome instanceof DeliveryOutcome.Sent) && !(outcome instanceof DeliveryOutcome.AlreadyHandled)) {
            log.warn("{} {}: late reply not sent: {}", message.key(), WechatKeys.masked(message.key(),
                    message.messageId()), outcome);
        }
    }

    /** WeChat shows one passive reply per message, so several replies become one, a blank line apart. */
    static String joined(HandleResult result) {
        return String.join("\n\n", result.replies());
    }
}
