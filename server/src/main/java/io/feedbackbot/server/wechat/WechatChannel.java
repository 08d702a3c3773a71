package io.feedbackbot.server.wechat;

import io.feedbackbot.config.WechatAccount;
import io.feedbackbot.core.message.InboundMessage;
import io.feedbackbot.core.outbound.OutboundSender;
import io.feedbackbot.dialogs.intent.IntentLexicon;
import io.feedbackbot.dialogs.survey.AccountProfile;
import io.feedbackbot.dialogs.survey.SurveyDefinition;
import io.feedbackbot.redis.RedisKeys;
import io.feedbackbot.server.channel.Channel;
import io.feedbackbot.server.channel.ChannelRuntime;
import io.feedbackbot.server.http.Router;
import io.feedbackbot.wechat.kefu.KefuBudget;
import io.feedbackbot.wechat.kefu.KefuWindow;
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
 * The WeChat Official Account channel: one webhook per configured account, and a sender for everything the bot
 * says outside a webhook response (late replies, invitations, reminders). Access tokens, customer-service budgets
 * and every at-most-once claim live in Redis, so any number of nodes can serve the same accounts.
 */
public final class WechatChannel implements Channel {

    private final List<WechatAccount> accounts;
    private final Duration quietPeriod;
    private final UnifiedJedis redis;
    private final WechatKeys keys;
    private final Map<String, AccountParts> parts = new LinkedHashMap<>();
    private final KefuBudget budget;
    private final WechatSender sender;
    private final Clock clock;

    /**
     * @param http             the process's one OkHttp client; sends use a copy that never retries on its own
     * @param surveys          every survey, for their WeChat invitation templates (checked now)
     * @param claimRetention   how long a delivery's send claim is kept: at least the conversation retention
     */
    public WechatChannel(List<WechatAccount> accounts, Duration quietPeriod, List<SurveyDefinition> surveys,
            UnifiedJedis redis, RedisKeys redisKeys, OkHttpClient http, Duration claimRetention, Clock clock) {
        this.accounts = List.copyOf(accounts);
        this.quietPeriod = quietPeriod;
        this.redis = redis;
        this.keys = new WechatKeys(redisKeys);
        this.clock = clock;
        this.budget = new KefuBudget(new RedisKefuBudgetStore(redis, keys, clock), KefuWindow.DEFAULT);
        OkHttpClient sendHttp = http.newBuilder().retryOnConnectionFailure(false).build();
        RedisAccessTokenStore tokens = new RedisAccessTokenStore(redis, keys);
        for (WechatAccount account : accounts) {
            parts.put(account.id(), AccountParts.build(account, http, sendHttp, tokens, budget, clock));
        }
        Map<String, SurveyTemplate> templates = new LinkedHashMap<>();
        for (SurveyDefinition survey : surveys) {
            SurveyTemplate.of(survey).ifPresent(t -> templates.put(survey.id(), t));
        }
        this.sender = new WechatSender(parts, templates, new SendClaims(redis, keys, claimRetention),
                new TemplateLinks(redis, keys), new QuotaBackoff(redis, keys));
    }

    private ReplyRouting replies;

    @Override
    public String name() {
        return WechatKeys.CHANNEL;
    }

    @Override
    public Set<String> accounts() {
        return Set.copyOf(parts.keySet());
    }

    @Override
    public Map<String, AccountProfile> profiles() {
        Map<String, AccountProfile> out = new LinkedHashMap<>();
        for (WechatAccount a : accounts) {
            out.put(a.id(), new AccountProfile(a.defaultSurvey(), a.welcomeSurvey(), a.defaultLanguage(),
                    IntentLexicon.defaults(), null, quietPeriod));
        }
        return out;
    }

    @Override
    public Optional<OutboundSender> sender() {
        return Optional.of(sender);
    }

    /** A parked message's replies go where a late reply goes: the customer-service API, once per message. */
    @Override
    public void replyLate(InboundMessage message, List<String> replies) {
        replies().sendLate(message, replies);
    }

    private ReplyRouting replies() {
        if (replies == null) {
            throw new IllegalStateException("the WeChat channel's routes are not registered yet");
        }
        return replies;
    }

    @Override
    public void register(Router router, ChannelRuntime runtime) {
        replies = new ReplyRouting(new ReplyClaims(redis, keys), sender, runtime.parked(), runtime.blocking(), clock);
        DeliveryReports reports = new DeliveryReports(new TemplateLinks(redis, keys), runtime.deliveries());
        new WechatRoutes(parts, runtime.engine(), budget, replies, reports, new ConversationPurge(redis, keys),
                runtime.blocking(), clock).register(router);
    }
}
