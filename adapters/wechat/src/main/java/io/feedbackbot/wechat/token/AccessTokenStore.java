package io.feedbackbot.wechat.token;

import java.time.Duration;
import java.util.Optional;

/**
 * Where all nodes share each appid's access_token and the lock that lets one of them refresh it. Every method is
 * atomic on its own (Redis: one command or one Lua script); implementations keep the token until
 * {@link CachedAccessToken#usableUntil()} at least and may drop it after.
 */
public interface AccessTokenStore {

    /** The shared token, if any. */
    Optional<CachedAccessToken> get(String appId);

    /**
     * Stores {@code replacement} only if the stored token's value is {@code expectedValue} (empty: nothing is
     * stored). Returns whether it was stored.
     */
    boolean compareAndSet(String appId, Optional<String> expectedValue, CachedAccessToken replacement);

    /** Removes the stored token only if its value is {@code value} (WeChat just refused it). */
    void invalidate(String appId, String value);

    /** Takes the refresh lock for {@code lease} unless someone holds it (Redis: SET NX PX). */
    boolean tryLock(String appId, String owner, Duration lease);

    /** Releases the refresh lock if {@code owner} still holds it (Redis: compare-and-delete script). */
    void unlock(String appId, String owner);
}
