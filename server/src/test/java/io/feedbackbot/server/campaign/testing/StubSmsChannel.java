package io.feedbackbot.server.campaign.testing;

import io.feedbackbot.core.outbound.Delivery;
import io.feedbackbot.core.outbound.DeliveryOutcome;
import io.feedbackbot.core.outbound.DeliveryState;
import io.feedbackbot.core.outbound.OutboundSender;
import io.feedbackbot.dialogs.intent.IntentLexicon;
import io.feedbackbot.dialogs.survey.AccountProfile;
import io.feedbackbot.core.conversation.Language;
import io.feedbackbot.redis.RedisKeys;
import io.feedbackbot.server.channel.Channel;
import io.feedbackbot.server.channel.ChannelRuntime;
import io.feedbackbot.server.http.Reply;
import io.feedbackbot.server.http.Responses;
import io.feedbackbot.server.http.Router;
import io.feedbackbot.sms.form.FormParams;
import io.feedbackbot.sms.form.FormParser;
import io.feedbackbot.sms.phone.PhoneNumbers;
import io.feedbackbot.sms.rest.SendPolicy;
import io.feedbackbot.sms.rest.SendResult;
import io.feedbackbot.sms.rest.Sleeper;
import io.feedbackbot.sms.rest.SmsFrom;
import io.feedbackbot.sms.rest.TwilioAccount;
import io.feedbackbot.sms.rest.TwilioMessagesClient;
import io.feedbackbot.sms.send.SendIntent;
import io.feedbackbot.sms.send.SmsSender;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.OkHttpClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * A stand-in for the SMS channel (whose server integration lives on branch sms-int) in campaign tests: outbound
 * only, over the real adapter-sms pieces (TwilioMessagesClient against a FakeTwilioProvider, SmsSender with a
 * settling journal), numbers normalised to E.164, and a bare status-callback route that reports delivery states.
 * Named {@code smsstub} so it never collides with the real {@code sms} channel.
 */
public final class StubSmsChannel implements Channel {

    public static final String NAME = "smsstub";

    private final String account;
    private final SmsSender sender;
    private final Map<String, Map<String, String>> sent = new ConcurrentHashMap<>();

    /**
     * @param apiBaseUrl the fake provider
     * @param timeout    the provider call's timeout (one attempt); intents pending longer than twice this are settled
     */
    public StubSmsChannel(String account, String apiBaseUrl, String accountSid, String authToken,
                          String statusCallbackUrl, Duration timeout, UnifiedJedis redis, RedisKeys keys) {
        this.account = account;
        SendPolicy policy = new SendPolicy(timeout, 1, Duration.ZERO, Duration.ZERO);
        OkHttpClient http = new OkHttpClient.Builder()
                .connectionPool(new okhttp3.ConnectionPool(64, 5, java.util.concurrent.TimeUnit.MINUTES)).build();
        TwilioMessagesClient api = new TwilioMessagesClient(http, new TwilioAccount(accountSid,
                authToken, apiBaseUrl, new SmsFrom.FromNumber("+8610690000"), Optional.ofNullable(statusCallbackUrl)),
                policy, Sleeper.THREAD, new Random());
        this.sender = new SmsSender(new RedisTakeoverJournal(redis, keys, Duration.ofDays(2)), api,
                policy.longestSend().plus(timeout), Sleeper.THREAD);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> accounts() {
        return Set.of(account);
    }

    @Override
    public Map<String, AccountProfile> profiles() {
        return Map.of(account, new AccountProfile(null, null, Language.EN, IntentLexicon.defaults(), null,
                Duration.ofHours(12)));
    }

    @Override
    public Optional<OutboundSender> sender() {
        return Optional.of(this::deliver);
    }

    @Override
    public String customerId(String account, String raw) {
        return PhoneNumbers.toE164(raw, "CN");
    }

    private DeliveryOutcome deliver(Delivery delivery) {
        SendResult result = sender.send(SendIntent.of(intentId(delivery.deliveryId()), delivery.to().customer(),
                delivery.text()));
        if (result instanceof SendResult.Accepted a) {
            sent.put(a.sid(), Map.copyOf(delivery.attributes()));
            return new DeliveryOutcome.Sent(a.sid());
        }
        if (result instanceof SendResult.Rejected r) {
            return new DeliveryOutcome.NotSent("rejected: HTTP " + r.httpStatus() + ", error " + r.errorCode());
        }
        if (result instanceof SendResult.NotSent n) {
            return new DeliveryOutcome.NotSent(n.reason());
        }
        return new DeliveryOutcome.Unknown(((SendResult.Unknown) result).reason());
    }

    @Override
    public void register(Router router, ChannelRuntime runtime) {
        router.add(HttpMethod.POST, "/webhooks/" + NAME + "/{account}/status", request -> {
            FormParams form;
            try {
                form = FormParser.parse(request.body());
            } catch (io.feedbackbot.sms.form.MalformedFormException e) {
                throw io.feedbackbot.server.http.HttpError.badRequest("malformed form");
            }
            String sid = form.first("MessageSid").orElse("");
            String status = form.first("MessageStatus").orElse("");
            DeliveryState state = switch (status) {
                case "delivered" -> DeliveryState.DELIVERED;
                case "undelivered" -> DeliveryState.UNDELIVERED;
                case "failed" -> DeliveryState.FAILED;
                default -> DeliveryState.SENT;
            };
            Map<String, String> attributes = sent.get(sid);
            if (attributes != null) {
                runtime.deliveries().updated(sid, attributes, state, status, runtime.clock().instant());
            }
            return CompletableFuture.completedFuture((Reply) Responses.json(HttpResponseStatus.OK, Map.of()));
        });
    }

    static String intentId(String deliveryId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(deliveryId.getBytes(StandardCharsets.UTF_8));
            return "d-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
