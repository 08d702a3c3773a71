package io.feedbackbot.wechat.token;

import io.feedbackbot.wechat.api.ErrorClass;
import io.feedbackbot.wechat.api.StableToken;
import io.feedbackbot.wechat.api.WeChatApiErrorException;
import io.feedbackbot.wechat.api.WeChatTransportException;
import io.feedbackbot.wechat.retry.Backoff;
import io.feedbackbot.wechat.retry.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands out one appid's access_token, shared by all nodes through an {@link AccessTokenStore}. At most one caller
 * in the cluster fetches at a time: threads of one node queue on a local lock, nodes on the store's lock. While a
 * refresh is due but the old token still works, callers that do not win the lock keep using the old token
 * instead of waiting. After WeChat refuses a token (40001/40014/42001) {@link #refreshAfterRejection} replaces
 * it only if it is still the stored one, so a burst of refusals costs one fetch. Tokens are never logged.
 */
public final class AccessTokenProvider {

    private static final Logger LOG = LoggerFactory.getLogger(AccessTokenProvider.class);

    /**
     * Timing of the shared refresh.
     *
     * @param lockLease    how long a node may hold the refresh lock; longer than a fetch with its retries
     * @param waitTimeout  how long a caller without any usable token waits for someone else's refresh; longer
     *                     than the lease, so a dead holder's lock expires before waiters give up
     * @param pollInterval how often a waiting caller looks at the store
     * @param fetchBackoff retries of a fetch that failed on errcode -1 or transport
     */
    public record Settings(Duration lockLease, Duration waitTimeout, Duration pollInterval, Backoff fetchBackoff) {
        public static final Settings DEFAULT = new Settings(Duration.ofSeconds(30), Duration.ofSeconds(35),
                Duration.ofMillis(100), Backoff.DEFAULT);
    }

    private final String appId;
    private final TokenSource source;
    private final AccessTokenStore store;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Settings settings;
    private final String owner = UUID.randomUUID().toString();
    private final ReentrantLock localLock = new ReentrantLock();

    public AccessTokenProvider(String appId, TokenSource source, AccessTokenStore store, Clock clock,
            Sleeper sleeper, Settings settings) {
        this.appId = appId;
        this.source = source;
        this.store = store;
        this.clock = clock;
        this.sleeper = sleeper;
        this.settings = settings;
    }

    /** A token to call the API with; refreshes it first when none is usable. */
    public String currentToken() {
        Instant now = clock.instant();
        Optional<CachedAccessToken> cached = store.get(appId);
        if (cached.isPresent() && !cached.get().isDue(now)) {
            return cached.get().value();
        }
        Optional<String> stillUsable = cached.filter(t -> t.isUsable(now)).map(CachedAccessToken::value);
        return refresh(null, stillUsable);
    }

    /**
     * A token to retry with after WeChat refused {@code rejected}: another node's newer token when there is one,
     * else a freshly fetched one (forced when WeChat hands back the refused token).
     */
    public String refreshAfterRejection(String rejected) {
        store.invalidate(appId, rejected);
        Optional<CachedAccessToken> cached = store.get(appId);
        if (cached.isPresent() && acceptable(cached.get(), rejected, clock.instant())) {
            return cached.get().value();
        }
        return refresh(rejected, Optional.empty());
    }

    private String refresh(String rejected, Optional<String> stillUsable) {
        if (!lockLocally(stillUsable.isPresent())) {
            if (stillUsable.isPresent()) {
                return stillUsable.get();
            }
            throw new TokenUnavailableException("timed out waiting for this node's token refresh", true, 0, null);
        }
        try {
            Optional<String> settled = storedAcceptable(rejected);
            if (settled.isPresent()) {
                return settled.get();
            }
            return refreshAcrossNodes(rejected, stillUsable);
        } finally {
            localLock.unlock();
        }
    }

    private boolean lockLocally(boolean mayFallBack) {
        if (mayFallBack) {
            return localLock.tryLock();
        }
        try {
            return localLock.tryLock(settings.waitTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String refreshAcrossNodes(String rejected, Optional<String> stillUsable) {
        Instant deadline = clock.instant().plus(settings.waitTimeout());
        while (true) {
            if (store.tryLock(appId, owner, settings.lockLease())) {
                try {
                    Optional<String> settled = storedAcceptable(rejected);
                    return settled.isPresent() ? settled.get() : fetchAndShare(rejected, stillUsable);
                } finally {
                    store.unlock(appId, owner);
                }
            }
            if (stillUsable.isPresent()) {
                return stillUsable.get();
            }
            pause(settings.pollInterval());
            Optional<String> settled = storedAcceptable(rejected);
            if (settled.isPresent()) {
                return settled.get();
            }
            if (!clock.instant().isBefore(deadline)) {
                throw new TokenUnavailableException("timed out waiting for another node's token refresh", true, 0,
                        null);
            }
        }
    }

    private String fetchAndShare(String rejected, Optional<String> stillUsable) {
        Optional<String> before = store.get(appId).map(CachedAccessToken::value);
        CachedAccessToken fetched;
        try {
            fetched = fetch(false);
            if (rejected != null && fetched.value().equals(rejected)) {
                LOG.warn("WeChat returned the token it had just refused for appid {}; forcing a new one", appId);
                fetched = fetch(true);
            }
        } catch (TokenUnavailableException e) {
            if (stillUsable.isPresent()) {
                LOG.warn("access_token refresh for appid {} failed ({}); the current one stays in use", appId,
                        e.getMessage());
                return stillUsable.get();
            }
            throw e;
        }
        if (!store.compareAndSet(appId, before, fetched)) {
            // Our lease ran out and another node stored a token meanwhile; the newest stored one wins.
            Optional<String> theirs = storedAcceptable(rejected);
            if (theirs.isPresent()) {
                return theirs.get();
            }
        }
        LOG.info("access_token refreshed for appid {}; next refresh at {}", appId, fetched.refreshAt());
        return fetched.value();
    }

    private CachedAccessToken fetch(boolean force) {
        Backoff backoff = settings.fetchBackoff();
        for (int attempt = 0; ; attempt++) {
            Instant requestedAt = clock.instant();
            try {
                StableToken token = source.fetch(force);
                return CachedAccessToken.of(token, requestedAt);
            } catch (WeChatApiErrorException e) {
                ErrorClass kind = e.reply().errorClass();
                if (kind != ErrorClass.BUSY || attempt >= backoff.maxRetries()) {
                    boolean retryable = kind == ErrorClass.BUSY || kind == ErrorClass.QUOTA;
                    throw new TokenUnavailableException("stable_token refused for appid " + appId + ": errcode "
                            + e.reply().errcode() + " (" + e.reply().errmsg() + ")", retryable, e.reply().errcode(), e);
                }
            } catch (WeChatTransportException e) {
                if (attempt >= backoff.maxRetries()) {
                    throw new TokenUnavailableException("stable_token unreachable for appid " + appId + ": "
                            + e.getMessage(), true, 0, e);
                }
            }
            pause(backoff.delay(attempt));
        }
    }

    private Optional<String> storedAcceptable(String rejected) {
        Instant now = clock.instant();
        return store.get(appId).filter(t -> acceptable(t, rejected, now)).map(CachedAccessToken::value);
    }

    private static boolean acceptable(CachedAccessToken token, String rejected, Instant now) {
        return rejected == null ? !token.isDue(now) : !token.value().equals(rejected) && token.isUsable(now);
    }

    private void pause(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenUnavailableException("interrupted while waiting for an access_token", true, 0, e);
        }
    }
}
