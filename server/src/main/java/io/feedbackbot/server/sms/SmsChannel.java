package io.feedbackbot.server.sms;

import io.feedbackbot.config.ConfigException;
import io.feedbackbot.config.SmsAccount;
import io.feedbackbot.core.message.InboundMessage;
import io.feedbackbot.core.outbound.OutboundSender;
import io.feedbackbot.dialogs.survey.AccountProfile;
import io.feedbackbot.dialogs.survey.SurveyDefinition;
import io.feedbackbot.redis.RedisKeys;
import io.feedbackbot.server.channel.Channel;
import io.feedbackbot.server.channel.ChannelRuntime;
import io.feedbackbot.server.http.Router;
import io.feedbackbot.sms.delivery.DeliveryTracker;
import io.feedbackbot.sms.optout.SmsKeywords;
import io.feedbackbot.sms.phone.PhoneNumbers;
import io.feedbackbot.sms.rest.SendPolicy;
import io.feedbackbot.sms.rest.Sleeper;
import io.feedbackbot.sms.rest.SmsFrom;
import io.feedbackbot.sms.rest.TwilioAccount;
import io.feedbackbot.sms.rest.TwilioMessagesClient;
import io.feedbackbot.sms.send.SendJournal;
import io.feedbackbot.sms.send.SmsSender;
import io.feedbackbot.sms.signature.TwilioSignature;
import io.feedbackbot.sms.webhook.SmsWebhookReader;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.OkHttpClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * The SMS channel (Twilio-compatible providers): customers are E.164 numbers; inbound messages and status
 * callbacks come through signed webhooks; replies go in the webhook's TwiML answer when ready in time, everything
 * else through the provider's REST API, at most once per message. Built from {@code channels.sms.accounts}, which
 * are checked here (region, sending number, keyword lists) with errors that name the account and the key.
 */
public final class SmsChannel implements Channel {

    private static final Duration STATUS_RETENTION = Duration.ofDays(30);
    private static final Duration LEDGER_RETENTION = Duration.ofDays(400);
    private static final Duration REPLY_MODE_TTL = Duration.ofDays(1);

    private final List<SmsAccount> accounts;
    private final Map<String, SmsLine> lines = new LinkedHashMap<>();
    private final Duration quietPeriod;
    private final UnifiedJedis redis;
    private final RedisKeys keys;
    private final RedisSentMessages sent;
    private final DeliveryTracker tracker;
    private final SmsDispatch dispatch;
    private final SmsOutboundSender sender;

    /**
     * @param source           the configuration file, for error messages
     * @param journalRetention how long send intents are remembered: longer than a conversation can keep an unsent
     *                         delivery (the conversation retention)
     */
    public SmsChannel(List<SmsAccount> accounts, String source, Duration quietPeriod, Duration journalRetention,
                      UnifiedJedis redis, RedisKeys keys, OkHttpClient http, Clock clock) {
        this.accounts = List.copyOf(accounts);
        this.quietPeriod = quietPeriod;
        this.redis = redis;
        this.keys = keys;
        SendJournal journal = new RedisSendJournal(redis, keys, journalRetention);
        for (SmsAccount account : this.accounts) {
            lines.put(account.id(), line(account, source, journal, http));
        }
        this.sent = new RedisSentMessages(redis, keys, STATUS_RETENTION);
        this.tracker = new DeliveryTracker(new RedisDeliveryStatusStore(redis, keys, STATUS_RETENTION));
        this.dispatch = new SmsDispatch(journal, sent, tracker, new RedisSegmentLedger(redis, keys, LEDGER_RETENTION),
                clock);
        this.sender = new SmsOutboundSender(lines, dispatch, key -> redis.exists(keys.conversation(key, "optout")));
    }

    private static SmsLine line(SmsAccount account, String source, SendJournal journal, OkHttpClient http) {
        try {
            String region = PhoneNumbers.requireSupportedRegion(account.defaultRegion());
            new SmsKeywords(account.optOutKeywords(), account.optInKeywords(), SmsKeywords.TWILIO.help());
            SmsProfiles.lexicon(account);
            SmsFrom from = account.from() != null
                    ? new SmsFrom.FromNumber(PhoneNumbers.toE164(account.from(), region))
                    : new SmsFrom.FromMessagingService(account.messagingServiceSid());
            TwilioAccount twilio = new TwilioAccount(account.accountSid(), account.authToken(), account.apiBaseUrl(),
                    from, Optional.of(SmsLine.statusUrl(account.publicUrl())));
            SendPolicy policy = new SendPolicy(account.sendTimeout(), account.sendAttempts(),
                    SendPolicy.DEFAULT.baseDelay(), SendPolicy.DEFAULT.maxDelay());
            TwilioMessagesClient api = new TwilioMessagesClient(http, twilio, policy, Sleeper.THREAD,
                    new SecureRandom());
            // A pending intent older than the longest send (plus one more call's time) was cut off: settle it.
            Duration staleAfter = policy.longestSend().plus(policy.timeout());
            return new SmsLine(account, new SmsWebhookReader(new TwilioSignature(account.authToken())),
                    new SmsSender(journal, api, staleAfter, Sleeper.THREAD));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source + ": channels.sms account '" + account.id() + "': " + e.getMessage(), e);
        }
    }

    private ReplyRace race;

    @Override
    public String name() {
        return "sms";
    }

    @Override
    public Set<String> accounts() {
        return Set.copyOf(lines.keySet());
    }

    @Override
    public Map<String, AccountProfile> profiles() {
        Map<String, AccountProfile> out = new LinkedHashMap<>();
        accounts.forEach(a -> out.put(a.id(), SmsProfiles.profile(a, quietPeriod)));
        return out;
    }

    @Override
    public Optional<OutboundSender> sender() {
        return Optional.of(sender);
    }

    /** The number in E.164, read in the account's default region; a clear IllegalArgumentException otherwise. */
    @Override
    public String customerId(String account, String raw) {
        SmsLine line = lines.get(account);
        if (line == null) {
            throw new IllegalArgumentException("unknown SMS account '" + account + "'");
        }
        return line.customer(raw);
    }

    /** A parked message's replies go where a late reply goes: the REST API, once per message. */
    @Override
    public void replyLate(InboundMessage message, List<String> replies) {
        SmsLine line = lines.get(message.key().account());
        if (race == null || line == null) {
            throw new IllegalStateException("no SMS route for " + message.key());
        }
        race.late(line, message, replies);
    }

    @Override
    public void register(Router router, ChannelRuntime runtime) {
        race = new ReplyRace(runtime.engine(), new RedisReplyModes(redis, keys, REPLY_MODE_TTL),
                new AsyncReplies(dispatch), runtime.parked(), runtime.blocking());
        StatusCallbacks statuses = new StatusCallbacks(tracker, sent, runtime.deliveries(), runtime.clock());
        new SmsWebhookRoutes(lines, race, statuses, runtime.blocking(), runtime.clock()).register(router);
    }

    /** Logs a warning for every survey text longer than an account's {@code maxSegments}; see the README. */
    public List<String> warnAboutLongPrompts(List<SurveyDefinition> surveys) {
        return PromptSegmentWarnings.check(accounts, surveys);
    }
}
