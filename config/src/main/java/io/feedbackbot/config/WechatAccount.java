package io.feedbackbot.config;

import io.feedbackbot.core.conversation.Language;
import java.time.Duration;

/**
 * A WeChat Official Account ({@code channels.wechat.accounts[]}).
 *
 * @param id                   the account id in URLs ({@code /webhooks/wechat/{id}})
 * @param appId                the AppID (also checked after decryption in safe mode)
 * @param appSecret            the AppSecret (for access tokens); never logged
 * @param token                the server-configuration Token (signatures); never logged
 * @param encodingAesKey       the 43-character EncodingAESKey, or null for plain mode
 * @param apiBaseUrl           the WeChat API ({@code https://api.weixin.qq.com}; tests point it at a local server)
 * @param passiveReplyDeadline how long a webhook waits for the reply before answering {@code success} and sending
 *                             it through the customer-service API instead (WeChat gives up after 5 s)
 * @param defaultSurvey        the survey a follower gets by writing first, or null
 * @param welcomeSurvey        the survey a new follower gets on {@code subscribe}, or null
 * @param defaultLanguage      the language when nothing else tells
 */
public record WechatAccount(String id, String appId, String appSecret, String token, String encodingAesKey,
                            String apiBaseUrl, Duration passiveReplyDeadline, String defaultSurvey,
                            String welcomeSurvey, Language defaultLanguage) {

    @Override
    public String toString() {
        return "WechatAccount[" + id + ", appId=" + appId + ", " + (encodingAesKey == null ? "plain" : "safe") + " mode]";
    }
}
