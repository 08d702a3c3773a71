package io.feedbackbot.wechat.kefu;

import io.feedbackbot.wechat.api.TemplateMessage;
import io.feedbackbot.wechat.send.SendOutcome;
import io.feedbackbot.wechat.send.WeChatMessenger;
import java.time.Clock;
import java.util.Optional;

/**
 * Delivers a text to a WeChat user outside the HTTP response (a late reply, an agent's message): as a
 * customer-service message when the user's window and budget allow it, decided and reserved before sending; else,
 * or when WeChat refuses with 45015/45047, as the template the caller supplies; with no template, undeliverable.
 */
public final class WeChatTextDelivery {

    private final WeChatMessenger messenger;
    private final KefuBudget budget;
    private final Clock clock;

    public WeChatTextDelivery(WeChatMessenger messenger, KefuBudget budget, Clock clock) {
        this.messenger = messenger;
        this.budget = budget;
        this.clock = clock;
    }

    /**
     * @param account  our account id (budget key)
     * @param fallback the template to use when customer-service messages cannot reach the user
     */
    public Delivery deliver(String account, String openId, String text, Optional<TemplateMessage> fallback) {
        Optional<KefuUsage> reserved = budget.tryReserve(account, openId, clock.instant());
        if (reserved.isPresent()) {
            SendOutcome outcome = messenger.sendText(openId, text);
            if (!(outcome instanceof SendOutcome.KefuUnavailable)) {
                return delivery(SendMethod.CUSTOMER_SERVICE, outcome);
            }
            budget.markSpent(account, openId, reserved.get());
        }
        if (fallback.isEmpty()) {
            return new Delivery.Undeliverable("outside the customer-service window and no template configured");
        }
        return delivery(SendMethod.TEMPLATE, messenger.sendTemplate(fallback.get()));
    }

    private static Delivery delivery(SendMethod via, SendOutcome outcome) {
        if (outcome instanceof SendOutcome.Sent sent) {
            return new Delivery.Delivered(via, sent.msgId());
        }
        if (outcome instanceof SendOutcome.Deferred deferred) {
            return new Delivery.RetryLater(deferred.retryAfter(), deferred.errcode(),
                    reason(deferred.errcode(), deferred.errmsg()));
        }
        if (outcome instanceof SendOutcome.Unconfirmed unconfirmed) {
            return new Delivery.Unconfirmed(via, unconfirmed.reason());
        }
        if (outcome instanceof SendOutcome.Failed failed) {
            return new Delivery.Undeliverable(reason(failed.errcode(), failed.errmsg()));
        }
        SendOutcome.KefuUnavailable closed = (SendOutcome.KefuUnavailable) outcome;
        return new Delivery.Undeliverable(reason(closed.errcode(), closed.errmsg()));
    }

    private static String reason(int errcode, String errmsg) {
        return "errcode " + errcode + ": " + errmsg;
    }
}
