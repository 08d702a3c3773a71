package io.feedbackbot.wechat.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A single-process {@link AccessTokenStore} for tests and one-node runs. Lock leases expire by the given clock,
 * like Redis keys with a TTL, so tests can show a dead node's lock being taken over.
 */
public final class InMemoryAccessTokenStore implements AccessTokenStore {

    private record Lease(String owner, Instant until) {
    }

    private final Clock clock;
    private final Map<String, CachedAccessToken> tokens = new HashMap<>();
    private final Map<String, Lease> locks = new HashMap<>();

    public InMemoryAccessTokenStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Optional<CachedAccessToken> get(String appId) {
        return Optional.ofNullable(tokens.get(appId));
    }

    @Override
    public synchronized boolean compareAndSet(String appId, Optional<String> expectedValue,
            CachedAccessToken replacement) {
        Optional<String> current = get(appId).map(CachedAccessToken::value);
        if (!current.equals(expectedValue)) {
            return false;
        }
        tokens.put(appId, replacement);
        return true;
    }

    @Override
    public synchronized void invalidate(String appId, String value) {
        CachedAccessToken current = tokens.get(appId);
        if (current != null && current.value().equals(value)) {
            tokens.remove(appId);
        }
    }

    @Override
    public synchronized boolean tryLock(String appId, String owner, Duration lease) {
        Lease held = locks.get(appId);
        Instant now = clock.instant();
        if (held != null && now.isBefore(held.until())) {
            return false;
        }
        locks.put(appId, new Lease(owner, now.plus(lease)));
        return true;
    }

    @Override
    public synchronized void unlock(String appId, String owner) {
        Lease held = locks.get(appId);
        if (held != null && held.owner().equals(owner)) {
            locks.remove(appId);
        }
    }
}
