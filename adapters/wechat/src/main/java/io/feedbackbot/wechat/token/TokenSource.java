package io.feedbackbot.wechat.token;

import io.feedbackbot.wechat.api.StableToken;
import io.feedbackbot.wechat.api.WeChatException;

/**
 * Fetches a token from WeChat for one appid; in production
 * {@code force -> client.fetchStableToken(appId, appSecret, force)}, so the AppSecret stays in that lambda.
 */
@FunctionalInterface
public interface TokenSource {

    StableToken fetch(boolean forceRefresh) throws WeChatException;
}
