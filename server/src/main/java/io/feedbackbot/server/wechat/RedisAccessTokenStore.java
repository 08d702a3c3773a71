package io.feedbackbot.server.wechat;

import io.feedbackbot.wechat.token.AccessTokenStore;
import io.feedbackbot.wechat.token.CachedAccessToken;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Shares each appid's access_token between all nodes in a Redis hash that expires when the token stops being
 * usable, with the refresh lock next to it under the same hash tag. Each method is one command or one small
 * script, so it is atomic on its own as {@link AccessTokenStore} requires. Token values are never logged.
 */
final class RedisAccessTokenStore implements AccessTokenStore {

    private static final String COMPARE_AND_SET = """
            local current = redis.call('HGET', KEYS[1], 'value')
            if ARGV[1] == '0' then
              if current then return 0 end
            elseif current ~= ARGV[2] then
              return 0
            end
            redis.call('DEL', KEYS[1])
            redis.call('HSET', KEYS[1], 'value', ARGV[3], 'refreshAt', ARGV[4], 'usableUntil', ARGV[5])
            redis.call('PEXPIREAT', KEYS[1], ARGV[5])
            return 1""";
    private static final String INVALIDATE = """
            if redis.call('HGET', KEYS[1], 'value') == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0""";
    private static final String UNLOCK = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0""";

    private final UnifiedJedis redis;
    private final WechatKeys keys;

    RedisAccessTokenStore(UnifiedJedis redis, WechatKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    @Override
    public Optional<CachedAccessToken> get(String appId) {
        List<String> fields = redis.hmget(keys.accessToken(appId), "value", "refreshAt", "usableUntil");
        if (fields.get(0) == null || fields.get(1) == null || fields.get(2) == null) {
            return Optional.empty();
        }
        return Optional.of(new CachedAccessToken(fields.get(0), Instant.ofEpochMilli(Long.parseLong(fields.get(1))),
                Instant.ofEpochMilli(Long.parseLong(fields.get(2)))));
    }

    @Override
    public boolean compareAndSet(String appId, Optional<String> expectedValue, CachedAccessToken replacement) {
        Object stored = redis.eval(COMPARE_AND_SET, List.of(keys.accessToken(appId)), List.of(
                expectedValue.isPresent() ? "1" : "0", expectedValue.orElse(""), replacement.value(),
                Long.toString(replacement.refreshAt().toEpochMilli()),
                Long.toString(replacement.usableUntil().toEpochMilli())));
        return Long.valueOf(1).equals(stored);
    }

    @Override
    public void invalidate(String appId, String value) {
        redis.eval(INVALIDATE, List.of(keys.accessToken(appId)), List.of(value));
    }

    @Override
    public boolean tryLock(String appId, String owner, Duration lease) {
        return "OK".equals(redis.set(keys.accessTokenLock(appId), owner,
                SetParams.setParams().nx().px(Math.max(1, lease.toMillis()))));
    }

    @Override
    public void unlock(String appId, String owner) {
        redis.eval(UNLOCK, List.of(keys.accessTokenLock(appId)), List.of(owner));
    }
}
