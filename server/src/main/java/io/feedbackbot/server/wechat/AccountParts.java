package io.feedbackbot.server.wechat;

import io.feedbackbot.config.ConfigException;
import io.feedbackbot.config.WechatAccount;
import io.feedbackbot.wechat.api.WeChatApiClient;
import io.feedbackbot.wechat.crypto.EncodingAesKey;
import io.feedbackbot.wechat.kefu.KefuBudget;
import io.feedbackbot.wechat.kefu.WeChatTextDelivery;
import io.feedbackbot.wechat.retry.Backoff;
import io.feedbackbot.wechat.retry.Sleeper;
import io.feedbackbot.wechat.send.WeChatMessenger;
import io.feedbackbot.wechat.token.AccessTokenProvider;
import io.feedbackbot.wechat.token.AccessTokenStore;
import io.feedbackbot.wechat.webhook.WeChatWebhook;
import io.feedbackbot.wechat.webhook.WebhookKeys;
import java.time.Clock;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The protocol parts of one configured Official Account: its webhook (signatures, safe mode) and its senders
 * (customer-service and template messages over a shared access_token). An account with an EncodingAESKey
 * accepts encrypted pushes only (safe or compatible mode), so nobody can skip the encryption by posting plain
 * XML with a valid signature. The AppSecret stays inside the token source.
 *
 * @param messenger template and customer-service sends, with WeChat's error rules
 * @param text      text outside the HTTP response, choosing customer-service or template before sending
 */
record AccountParts(WechatAccount account, WeChatWebhook webhook, WeChatMessenger messenger, WeChatTextDelivery text) {

    /**
     * @param tokenHttp the shared client (token fetches are idempotent, so its connection retries are harmless)
     * @param sendHttp  a client that never repeats a request on its own: a repeated send is a message seen twice
     */
    static AccountParts build(WechatAccount account, OkHttpClient tokenHttp, OkHttpClient sendHttp,
            AccessTokenStore tokens, KefuBudget budget, Clock clock) {
        WebhookKeys keys;
        try {
            keys = account.encodingAesKey() == null
                    ? WebhookKeys.plain(account.appId(), account.token())
                    : WebhookKeys.safe(account.appId(), account.token(), EncodingAesKey.parse(account.encodingAesKey()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("channels.wechat account '" + account.id() + "': " + e.getMessage());
        }
        HttpUrl base = HttpUrl.parse(account.apiBaseUrl() + "/");
        if (base == null) {
            throw new ConfigException("channels.wechat account '" + account.id() + "': apiBaseUrl is not a URL");
        }
        WeChatApiClient tokenApi = new WeChatApiClient(tokenHttp, base);
        String appId = account.appId();
        String secret = account.appSecret();
        AccessTokenProvider provider = new AccessTokenProvider(appId,
                force -> tokenApi.fetchStableToken(appId, secret, force), tokens, clock, Sleeper.THREAD,
                AccessTokenProvider.Settings.DEFAULT);
        WeChatMessenger messenger = new WeChatMessenger(new WeChatApiClient(sendHttp, base), provider,
                Sleeper.THREAD, Backoff.DEFAULT, clock);
        return new AccountParts(account, new WeChatWebhook(keys), messenger,
                new WeChatTextDelivery(messenger, budget, clock));
    }

    String id() {
        return account.id();
    }
}
