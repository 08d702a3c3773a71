package io.feedbackbot.server.wechat;

import io.feedbackbot.core.conversation.ConversationKey;
import io.feedbackbot.core.engine.ConversationEngine;
import io.feedbackbot.core.engine.HandleResult;
import io.feedbackbot.core.message.InboundContent;
import io.feedbackbot.server.http.HttpError;
import io.feedbackbot.server.http.Reply;
import io.feedbackbot.server.http.Request;
import io.feedbackbot.server.http.Responses;
import io.feedbackbot.server.http.Router;
import io.feedbackbot.wechat.inbound.InboundEvent;
import io.feedbackbot.wechat.inbound.InboundMessage;
import io.feedbackbot.wechat.kefu.KefuBudget;
import io.feedbackbot.wechat.webhook.InboundDecoding;
import io.feedbackbot.wechat.webhook.Rejected;
import io.feedbackbot.wechat.webhook.UrlVerification;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WeChat's webhook over HTTP: {@code GET /webhooks/wechat/{account}} verifies the server URL (echoes
 * {@code echostr}), {@code POST} takes pushes in plain, compatible and safe mode. A push is checked and decoded
 * by the adapter on the event loop (CPU only) and refused with nothing stored when it is not authentic, fresh and
 * well-formed; then messages and follow events go to the engine, template delivery reports to the delivery
 * events, and everything else is acknowledged with {@code success}. Redis work runs on the blocking executor.
 */
final class WechatRoutes {

    private static final Logger log = LoggerFactory.getLogger(WechatRoutes.class);

    private final Map<String, AccountParts> accounts;
    private final ConversationEngine engine;
    private final KefuBudget budget;
    private final ReplyRouting replies;
    private final DeliveryReports reports;
    private final ConversationPurge purge;
    private final Executor blocking;
    private final Clock clock;

    WechatRoutes(Map<String, AccountParts> accounts, ConversationEngine engine, KefuBudget budget,
            ReplyRouting replies, DeliveryReports reports, ConversationPurge purge, Executor blocking, Clock clock) {
        this.accounts = Map.copyOf(accounts);
        this.engine = engine;
        this.budget = budget;
        this.replies = replies;
        this.reports = reports;
        this.purge = purge;
        this.blocking = blocking;
        this.clock = clock;
    }

    void register(Router router) {
        router.add(HttpMethod.GET, "/webhooks/wechat/{account}", this::verify)
                .add(HttpMethod.POST, "/webhooks/wechat/{account}", this::receive);
    }

    private CompletableFuture<Reply> verify(Request request) {
        AccountParts account = account(request);
        UrlVerification result = account.webhook().verifyUrl(query(request), clock.instant());
        if (result instanceof UrlVerification.Verified verified) {
            return Responses.done(Reply.Full.text(HttpResponseStatus.OK, "text/plain; charset=utf-8",
                    verified.echostr()));
        }
        throw refused(account, (Rejected) result, request);
    }

    private CompletableFuture<Reply> receive(Request request) {
        AccountParts account = account(request);
        Instant receivedAt = clock.instant();
        InboundDecoding decoding = account.webhook().decode(query(request), request.body(), receivedAt);
        if (decoding instanceof Rejected rejected) {
            throw refused(account, rejected, request);
        }
        InboundDecoding.Accepted accepted = (InboundDecoding.Accepted) decoding;
        InboundMessage message = accepted.message();
        ConversationKey key = follower(account, message);
        if (message instanceof InboundEvent.TemplateSendJobFinished finished) {
            return CompletableFuture.supplyAsync(() -> reports.finished(key, finished, receivedAt), blocking);
        }
        Optional<InboundContent> content = InboundMapping.content(message);
        if (content.isEmpty()) {
            return Responses.done(ReplyRouting.success());
        }
        String messageId = InboundMapping.messageId(message);
        io.feedbackbot.core.message.InboundMessage inbound = new io.feedbackbot.core.message.InboundMessage(key,
                messageId, content.get(), receivedAt);
        // The customer-service window is recorded next to the engine's work, not before it: neither reads the
        // other, and the reply (or a late send through the customer-service API) waits for both.
        CompletableFuture<Void> window = InboundMapping.isUserMessage(message)
                ? CompletableFuture.runAsync(() -> budget.recordUserMessage(account.id(), key.customer(),
                        Instant.ofEpochSecond(message.header().createTime())), blocking)
                : CompletableFuture.completedFuture(null);
        CompletableFuture<HandleResult> handled = engine.handle(inbound).thenCombine(window, (result, v) -> result);
        if (message instanceof InboundEvent.Unsubscribe) {
            return handled.thenApplyAsync(result -> {
                purge.purgeOptedOut(key);
                log.info("{} unfollowed: opted out, conversation data deleted", key);
                return ReplyRouting.success();
            }, blocking);
        }
        return replies.answer(new ReplyRouting.Pending(account, accepted, inbound), handled);
    }

    private AccountParts account(Request request) {
        String id = request.pathParam("account");
        AccountParts account = accounts.get(id);
        if (account == null) {
            throw HttpError.notFound("unknown WeChat account '" + id + "'");
        }
        return account;
    }

    private static ConversationKey follower(AccountParts account, InboundMessage message) {
        try {
            return WechatKeys.conversation(account.id(), message.header().fromUserName());
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest("FromUserName is not an OpenID: " + e.getMessage());
        }
    }

    private static HttpError refused(AccountParts account, Rejected rejected, Request request) {
        log.info("WeChat account {}: refused a request from {}: {}", account.id(), request.remote(), rejected.detail());
        return new HttpError(HttpResponseStatus.valueOf(rejected.rejection().httpStatus()),
                rejected.rejection().reason());
    }

    private static Map<String, String> query(Request request) {
        Map<String, String> first = new HashMap<>();
        for (Map.Entry<String, List<String>> e : request.query().entrySet()) {
            if (!e.getValue().isEmpty()) {
                first.put(e.getKey(), e.getValue().get(0));
            }
        }
        return first;
    }
}
