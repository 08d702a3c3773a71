package io.feedbackbot.wechat.send;

import io.feedbackbot.wechat.api.ApiReply;
import io.feedbackbot.wechat.api.TemplateMessage;
import io.feedbackbot.wechat.api.WeChatApiClient;
import io.feedbackbot.wechat.api.WeChatTransportException;
import io.feedbackbot.wechat.privacy.OpenIdMask;
import io.feedbackbot.wechat.retry.Backoff;
import io.feedbackbot.wechat.retry.Sleeper;
import io.feedbackbot.wechat.token.AccessTokenProvider;
import io.feedbackbot.wechat.token.TokenUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends customer-service and template messages for one account and applies WeChat's error rules: a refused token
 * is refreshed once and the send retried once; errcode -1 is retried with backoff; quota errors defer; 45015 and
 * 45047 are reported for a template fallback; everything else is final. Never throws for WeChat's answers.
 * Blocking; thread-safe.
 */
public final class WeChatMessenger {

    private static final Logger LOG = LoggerFactory.getLogger(WeChatMessenger.class);
    private static final Duration TOKEN_RETRY = Duration.ofMinutes(1);

    private final WeChatApiClient api;
    private final AccessTokenProvider tokens;
    private final Sleeper sleeper;
    private final Backoff busyBackoff;
    private final Clock clock;

    public WeChatMessenger(WeChatApiClient api, AccessTokenProvider tokens, Sleeper sleeper, Backoff busyBackoff,
            Clock clock) {
        this.api = api;
        this.tokens = tokens;
        this.sleeper = sleeper;
        this.busyBackoff = busyBackoff;
        this.clock = clock;
    }

    /** A customer-service text message ({@code message/custom/send}). */
    public SendOutcome sendText(String openId, String text) {
        return send("custom/send", openId, token -> api.sendCustomText(token, openId, text));
    }

    /** A template message ({@code message/template/send}). */
    public SendOutcome sendTemplate(TemplateMessage message) {
        return send("template/send", message.toUser(), token -> api.sendTemplate(token, message));
    }

    private SendOutcome send(String what, String openId, Function<String, ApiReply> call) {
        boolean tokenRetried = false;
        int busyRetries = 0;
        try {
            String token = tokens.currentToken();
            while (true) {
                ApiReply reply = call.apply(token);
                switch (reply.errorClass()) {
                    case OK:
                        return new SendOutcome.Sent(reply.msgId());
                    case TOKEN_INVALID:
                        if (tokenRetried) {
                            return failed(what, openId, reply);
                        }
                        tokenRetried = true;
                        token = tokens.refreshAfterRejection(token);
                        continue;
                    case BUSY:
                        if (busyRetries >= busyBackoff.maxRetries()) {
                            return deferred(what, openId, reply, busyBackoff.delay(busyRetries));
                        }
                        sleeper.sleep(busyBackoff.delay(busyRetries++));
                        continue;
                    case QUOTA:
                        return deferred(what, openId, reply, QuotaReset.retryAfter(reply.errcode(), clock.instant()));
                    case WINDOW_CLOSED:
                    case BUDGET_SPENT:
                        LOG.info("{} to {} refused by the customer-service window: errcode {}", what,
                                OpenIdMask.mask(openId), reply.errcode());
                        return new SendOutcome.KefuUnavailable(reply.errcode(), reply.errmsg());
                    default:
                        return failed(what, openId, reply);
                }
            }
        } catch (TokenUnavailableException e) {
            LOG.warn("{} to {} has no access_token: {}", what, OpenIdMask.mask(openId), e.getMessage());
            return e.retryable()
                    ? new SendOutcome.Deferred(TOKEN_RETRY, e.errcode(), e.getMessage())
                    : new SendOutcome.Failed(e.errcode(), e.getMessage());
        } catch (WeChatTransportException e) {
            LOG.warn("{} to {} unconfirmed: {}", what, OpenIdMask.mask(openId), e.getMessage());
            return new SendOutcome.Unconfirmed(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendOutcome.Deferred(busyBackoff.initial(), -1, "interrupted during backoff");
        }
    }

    private static SendOutcome failed(String what, String openId, ApiReply reply) {
        LOG.warn("{} to {} failed: errcode {} ({})", what, OpenIdMask.mask(openId), reply.errcode(), reply.errmsg());
        return new SendOutcome.Failed(reply.errcode(), reply.errmsg());
    }

    private static SendOutcome deferred(String what, String openId, ApiReply reply, Duration after) {
        LOG.warn("{} to {} deferred by {}: errcode {} ({})", what, OpenIdMask.mask(openId), after, reply.errcode(),
                reply.errmsg());
        return new SendOutcome.Deferred(after, reply.errcode(), reply.errmsg());
    }
}
