package io.feedbackbot.server.wechat;

import io.feedbackbot.core.outbound.Delivery;
import io.feedbackbot.core.outbound.DeliveryOutcome;
import io.feedbackbot.core.outbound.OutboundSender;
import io.feedbackbot.wechat.api.TemplateMessage;
import io.feedbackbot.wechat.send.SendOutcome;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the bot's messages to WeChat followers outside the HTTP response, each delivery id at most once: the id
 * is claimed in Redis before WeChat is called, and a claim found there means {@code AlreadyHandled}. Survey
 * invitations go out as the survey's template message when it has one, everything else as customer-service
 * text when the follower's 48-hour window and budget allow it (decided before sending), else as the survey's
 * template, else not at all. Only a delivery that certainly did not reach WeChat is {@code NotSent}; a lost
 * answer is {@code Unknown} and never repeated. Blocking (runs on the engine's delivery lanes); never throws.
 */
final class WechatSender implements OutboundSender {

    private static final Logger log = LoggerFactory.getLogger(WechatSender.class);

    private final Map<String, AccountParts> accounts;
    private final Map<String, SurveyTemplate> templates;
    private final SendClaims claims;
    private final TemplateLinks links;
    private final QuotaBackoff backoff;

    WechatSender(Map<String, AccountParts> accounts, Map<String, SurveyTemplate> templates, SendClaims claims,
            TemplateLinks links, QuotaBackoff backoff) {
        this.accounts = Map.copyOf(accounts);
        this.templates = Map.copyOf(templates);
        this.claims = claims;
        this.links = links;
        this.backoff = backoff;
    }

    @Override
    public DeliveryOutcome deliver(Delivery delivery) {
        AccountParts account = accounts.get(delivery.to().account());
        if (account == null) {
            return new DeliveryOutcome.NotSent("no WeChat account '" + delivery.to().account() + "'");
        }
        try {
            Optional<String> paused = backoff.pausedFor(account.id());
            if (paused.isPresent()) {
                return new DeliveryOutcome.NotSent(paused.get());
            }
            if (!claims.claim(delivery)) {
                return new DeliveryOutcome.AlreadyHandled();
            }
        } catch (RuntimeException e) {
            return new DeliveryOutcome.NotSent("not claimed, so not sent: " + e);
        }
        try {
            return send(account, delivery);
        } catch (RuntimeException e) {
            log.warn("WeChat delivery {} ended unexpectedly: {}", logged(delivery), e.toString());
            return new DeliveryOutcome.Unknown(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private DeliveryOutcome send(AccountParts account, Delivery delivery) {
        String invitationId = delivery.attributes().getOrDefault("invitationId", delivery.deliveryId());
        Optional<SurveyTemplate> template = Optional.ofNullable(delivery.attributes().get("surveyId"))
                .map(templates::get);
        if (delivery.purpose() == Delivery.Purpose.INVITATION && template.isPresent()) {
            TemplateMessage message;
            try {
                message = render(template.get(), delivery, invitationId);
            } catch (IllegalArgumentException e) {
                return new DeliveryOutcome.NotSent(e.getMessage());
            }
            return templateOutcome(account, delivery, account.messenger().sendTemplate(message));
        }
        Optional<TemplateMessage> fallback = template.flatMap(t -> renderQuietly(t, delivery, invitationId));
        io.feedbackbot.wechat.kefu.Delivery result = account.text().deliver(account.id(),
                delivery.to().customer(), delivery.text(), fallback);
        return textOutcome(account, delivery, result);
    }

    private DeliveryOutcome templateOutcome(AccountParts account, Delivery delivery, SendOutcome outcome) {
        if (outcome instanceof SendOutcome.Sent sent) {
            return sentAsTemplate(delivery, sent.msgId());
        }
        if (outcome instanceof SendOutcome.Unconfirmed unconfirmed) {
            return new DeliveryOutcome.Unknown(unconfirmed.reason());
        }
        if (outcome instanceof SendOutcome.Deferred deferred) {
            backoff.afterError(account.id(), deferred.errcode(), deferred.retryAfter());
            return new DeliveryOutcome.NotSent("errcode " + deferred.errcode() + ": " + deferred.errmsg());
        }
        if (outcome instanceof SendOutcome.Failed failed) {
            return new DeliveryOutcome.NotSent("errcode " + failed.errcode() + ": " + failed.errmsg());
        }
        SendOutcome.KefuUnavailable refused = (SendOutcome.KefuUnavailable) outcome;
        return new DeliveryOutcome.NotSent("errcode " + refused.errcode() + ": " + refused.errmsg());
    }

    private DeliveryOutcome textOutcome(AccountParts account, Delivery delivery,
            io.feedbackbot.wechat.kefu.Delivery result) {
        if (result instanceof io.feedbackbot.wechat.kefu.Delivery.Delivered delivered) {
            return delivered.templateMsgId().isPresent()
                    ? sentAsTemplate(delivery, delivered.templateMsgId())
                    : new DeliveryOutcome.Sent("custom");
        }
        if (result instanceof io.feedbackbot.wechat.kefu.Delivery.Unconfirmed unconfirmed) {
            return new DeliveryOutcome.Unknown(unconfirmed.via() + ": " + unconfirmed.reason());
        }
        if (result instanceof io.feedbackbot.wechat.kefu.Delivery.RetryLater later) {
            backoff.afterError(account.id(), later.errcode(), later.after());
            return new DeliveryOutcome.NotSent(later.reason());
        }
        return new DeliveryOutcome.NotSent(((io.feedbackbot.wechat.kefu.Delivery.Undeliverable) result).reason());
    }

    private DeliveryOutcome sentAsTemplate(Delivery delivery, OptionalLong msgId) {
        if (msgId.isEmpty()) {
            return new DeliveryOutcome.Sent("template");
        }
        try {
            links.link(delivery.to(), msgId.getAsLong(), delivery.deliveryId(), delivery.attributes());
        } catch (RuntimeException e) {
            log.warn("template msgid of delivery {} not linked; its delivery report will be ignored: {}",
                    logged(delivery), e.toString());
        }
        return new DeliveryOutcome.Sent(Long.toString(msgId.getAsLong()));
    }

    private Optional<TemplateMessage> renderQuietly(SurveyTemplate template, Delivery delivery, String invitationId) {
        try {
            return Optional.of(render(template, delivery, invitationId));
        } catch (IllegalArgumentException e) {
            log.warn("no template fallback for delivery {}: {}", logged(delivery), e.getMessage());
            return Optional.empty();
        }
    }

    private static String logged(Delivery delivery) {
        return WechatKeys.masked(delivery.to(), delivery.deliveryId());
    }

    private static TemplateMessage render(SurveyTemplate template, Delivery delivery, String invitationId) {
        Map<String, String> values = new HashMap<>(delivery.attributes());
        values.put("text", delivery.text());
        return template.render(delivery.to().customer(), values, invitationId);
    }
}
