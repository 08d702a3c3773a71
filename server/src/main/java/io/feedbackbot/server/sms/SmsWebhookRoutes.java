package io.feedbackbot.server.sms;

import io.feedbackbot.core.conversation.ConversationKey;
import io.feedbackbot.core.message.InboundMessage;
import io.feedbackbot.server.http.HttpError;
import io.feedbackbot.server.http.Reply;
import io.feedbackbot.server.http.Request;
import io.feedbackbot.server.http.Router;
import io.feedbackbot.sms.phone.InvalidPhoneNumberException;
import io.feedbackbot.sms.signature.TwilioSignature;
import io.feedbackbot.sms.twiml.Twiml;
import io.feedbackbot.sms.webhook.InboundSms;
import io.feedbackbot.sms.webhook.StatusCallback;
import io.feedbackbot.sms.webhook.WebhookRead;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider's side of the SMS channel over HTTP: inbound messages ({@code POST /webhooks/sms/{account}}) and
 * delivery status callbacks ({@code POST /webhooks/sms/{account}/status}). Every request is verified against the
 * account's public URL (the one the provider signed) before anything else happens: unknown account 404, bad
 * signature 403, malformed form 400, each with nothing stored. Verification is pure and runs on the event loop;
 * Redis and the engine run elsewhere.
 */
final class SmsWebhookRoutes {

    private static final Logger log = LoggerFactory.getLogger(SmsWebhookRoutes.class);

    private final Map<String, SmsLine> lines;
    private final ReplyRace replies;
    private final StatusCallbacks statuses;
    private final Executor blocking;
    private final Clock clock;

    SmsWebhookRoutes(Map<String, SmsLine> lines, ReplyRace replies, StatusCallbacks statuses, Executor blocking,
                     Clock clock) {
        this.lines = Map.copyOf(lines);
        this.replies = Objects.requireNonNull(replies, "replies");
        this.statuses = Objects.requireNonNull(statuses, "statuses");
        this.blocking = Objects.requireNonNull(blocking, "blocking");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    void register(Router router) {
        router.add(HttpMethod.POST, "/webhooks/sms/{account}", this::inbound)
                .add(HttpMethod.POST, "/webhooks/sms/{account}/status", this::status);
    }

    private CompletableFuture<Reply> inbound(Request request) {
        SmsLine line = line(request);
        InboundSms sms = verified(line, line.reader().readInbound(line.publicUrl(), signature(request),
                request.body()));
        if (!sms.accountSid().equals(line.account().accountSid())) {
            throw HttpError.forbidden("AccountSid does not belong to SMS account '" + line.id() + "'");
        }
        String customer;
        try {
            customer = line.customer(sms.from());
        } catch (InvalidPhoneNumberException e) {
            throw HttpError.badRequest("From is not a valid phone number for region " + line.account().defaultRegion());
        }
        InboundMessage message = new InboundMessage(new ConversationKey("sms", line.id(), customer),
                sms.messageSid(), InboundContents.of(sms, line.account()), clock.instant());
        return replies.answer(line, message);
    }

    private CompletableFuture<Reply> status(Request request) {
        SmsLine line = line(request);
        StatusCallback callback = verified(line, line.reader().readStatus(line.statusUrl(), signature(request),
                request.body()));
        return CompletableFuture.supplyAsync(() -> {
            statuses.apply(line, callback);
            return Reply.Full.text(HttpResponseStatus.OK, Twiml.CONTENT_TYPE, Twiml.empty());
        }, blocking);
    }

    private SmsLine line(Request request) {
        String account = request.pathParam("account");
        SmsLine line = lines.get(account);
        if (line == null) {
            throw HttpError.notFound("unknown SMS account '" + account + "'");
        }
        return line;
    }

    private static String signature(Request request) {
        return request.header(TwilioSignature.HEADER).orElse(null);
    }

    private static <T> T verified(SmsLine line, WebhookRead<T> read) {
        if (read instanceof WebhookRead.Verified<T> verified) {
            return verified.message();
        }
        if (read instanceof WebhookRead.Forbidden<T> forbidden) {
            log.warn("SMS webhook for account {} refused: {}", line.id(), forbidden.reason());
            throw HttpError.forbidden("invalid " + TwilioSignature.HEADER);
        }
        throw HttpError.badRequest(((WebhookRead.Malformed<T>) read).reason());
    }
}
