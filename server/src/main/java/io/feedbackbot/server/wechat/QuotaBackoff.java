package io.feedbackbot.server.wechat;

import java.time.Duration;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Stops every node from calling WeChat for an account after a quota error (45009 daily, 45011 per minute) until
 * the quota resets: one Redis key per account that expires then. Other errors never pause the account.
 */
final class QuotaBackoff {

    private final UnifiedJedis redis;
    private final WechatKeys keys;

    QuotaBackoff(UnifiedJedis redis, WechatKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    static boolean isQuota(int errcode) {
        return errcode == 45009 || errcode == 45011;
    }

    void afterError(String account, int errcode, Duration retryAfter) {
        if (isQuota(errcode) && !retryAfter.isNegative() && !retryAfter.isZero()) {
            redis.set(keys.quotaBackoff(account), Integer.toString(errcode),
                    SetParams.setParams().px(retryAfter.toMillis()));
        }
    }

    /** Why the account is paused, or empty. */
    Optional<String> pausedFor(String account) {
        String errcode = redis.get(keys.quotaBackoff(account));
        return errcode == null ? Optional.empty()
                : Optional.of("WeChat quota reached (errcode " + errcode + "); sends paused until it resets");
    }
}
