package io.feedbackbot.wechat.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feedbackbot.wechat.api.ApiReply;
import io.feedbackbot.wechat.api.StableToken;
import io.feedbackbot.wechat.api.WeChatApiErrorException;
import io.feedbackbot.wechat.api.WeChatTransportException;
import io.feedbackbot.wechat.retry.Sleeper;
import io.feedbackbot.wechat.testing.LogCapture;
import io.feedbackbot.wechat.testing.MutableClock;
import io.feedbackbot.wechat.testing.RecordingSleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AccessTokenProviderTest {

    private static final String APP = "wx2c2769f8efd9abc2";
    private static final Instant T0 = Instant.ofEpochSecond(1_700_000_000L);

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryAccessTokenStore store = new InMemoryAccessTokenStore(clock);
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);

    /** A token source that hands out token-1, token-2… and records whether each fetch was forced. */
    private static final class CountingSource implements TokenSource {
        final List<Boolean> fetches = new ArrayList<>();
        final Deque<RuntimeException> failures = new ArrayDeque<>();
        String current;
        int issued;

        @Override
        public synchronized StableToken fetch(boolean forceRefresh) {
            fetches.add(forceRefresh);
            if (!failures.isEmpty()) {
                throw failures.poll();
            }
            if (current == null || forceRefresh) {
                current = "token-" + ++issued;
            }
            return new StableToken(current, 7200);
        }

        synchronized int count() {
            return fetches.size();
        }
    }

    private final CountingSource source = new CountingSource();

    private AccessTokenProvider provider(TokenSource tokenSource, Sleeper sleeps) {
        return new AccessTokenProvider(APP, tokenSource, store, clock, sleeps, AccessTokenProvider.Settings.DEFAULT);
    }

    private AccessTokenProvider provider() {
        return provider(source, sleeper);
    }

    private void storeToken(String value, Instant fetchedAt) {
        store.compareAndSet(APP, store.get(APP).map(CachedAccessToken::value),
                CachedAccessToken.of(new StableToken(value, 7200), fetchedAt));
    }

    @Test
    void theFirstCallFetchesAndLaterCallsUseTheSharedToken() {
        AccessTokenProvider provider = provider();
        assertEquals("token-1", provider.currentToken());
        assertEquals("token-1", provider.currentToken());
        assertEquals("token-1", provider(source, sleeper).currentToken());
        assertEquals(List.of(false), source.fetches);
    }

    @Test
    void aTokenPastItsUsableLimitIsRefreshedBeforeUse() {
        storeToken("old", T0);
        clock.advance(Duration.ofSeconds(7170));

        assertEquals("token-1", provider().currentToken());
        assertEquals(1, source.count());
        assertEquals(Optional.of("token-1"), store.get(APP).map(CachedAccessToken::value));
    }

    @Test
    void aTokenDueForRefreshIsReplacedOnceAndTheNewOneShared() {
        storeToken("old", T0);
        clock.advance(Duration.ofSeconds(6960));
        AccessTokenProvider provider = provider();

        assertEquals("token-1", provider.currentToken());
        assertEquals("token-1", provider.currentToken());
        assertEquals(1, source.count());
    }

    @Test
    void whileAnotherNodeRefreshesADueTokenCallersKeepTheOldOneWithoutWaiting() {
        storeToken("old", T0);
        clock.advance(Duration.ofSeconds(7000));
        assertTrue(store.tryLock(APP, "other-node", Duration.ofSeconds(30)));

        assertEquals("old", provider().currentToken());
        assertEquals(0, source.count());
        assertEquals(List.of(), sleeper.waits());
    }

    @Test
    void concurrentCallersOnOneNodeTriggerOneRefresh() throws Exception {
        int callers = 16;
        CountDownLatch arrived = new CountDownLatch(callers);
        TokenSource slow = force -> {
            try {
                arrived.await(2, TimeUnit.SECONDS); // hold the fetch until every caller is asking
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return source.fetch(force);
        };
        AccessTokenProvider provider = provider(slow, Sleeper.THREAD);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                results.add(pool.submit(() -> {
                    arrived.countDown();
                    return provider.currentToken();
                }));
            }
            Set<String> tokens = new HashSet<>();
            for (Future<String> result : results) {
                tokens.add(result.get(10, TimeUnit.SECONDS));
            }
            assertEquals(Set.of("token-1"), tokens);
            assertEquals(1, source.count());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aNodeWithoutATokenWaitsForAnotherNodesRefreshInsteadOfFetching() {
        assertTrue(store.tryLock(APP, "other-node", Duration.ofSeconds(30)));
        sleeper.onSleep(() -> {
            if (store.get(APP).isEmpty()) {
                storeToken("from-other-node", clock.instant());
                store.unlock(APP, "other-node");
            }
        });

        assertEquals("from-other-node", provider().currentToken());
        assertEquals(0, source.count());
        assertEquals(List.of(Duration.ofMillis(100)), sleeper.waits());
    }

    @Test
    void aLockLeftByADeadNodeIsTakenOverWhenItsLeaseEnds() {
        assertTrue(store.tryLock(APP, "dead-node", Duration.ofSeconds(30)));

        assertEquals("token-1", provider().currentToken());

        assertEquals(1, source.count());
        Duration waited = sleeper.waits().stream().reduce(Duration.ZERO, Duration::plus);
        assertEquals(Duration.ofSeconds(30), waited);
    }

    @Test
    void aRefusedTokenIsReplacedOnceAndOtherCallersWithTheSameRefusalGetTheReplacement() {
        AccessTokenProvider provider = provider();
        String first = provider.currentToken();
        source.current = null; // WeChat now considers token-1 invalid and hands out token-2 in normal mode

        String replacement = provider.refreshAfterRejection(first);
        String secondRefusal = provider(source, sleeper).refreshAfterRejection(first);

        assertEquals("token-2", replacement);
        assertEquals("token-2", secondRefusal);
        assertEquals(List.of(false, false), source.fetches);
    }

    @Test
    void whenWeChatHandsBackTheRefusedTokenTheRefreshIsForced() {
        AccessTokenProvider provider = provider();
        String refused = provider.currentToken();

        assertEquals("token-2", provider.refreshAfterRejection(refused));
        assertEquals(List.of(false, false, true), source.fetches);
    }

    @Test
    void aRefusalOfAnOlderTokenDoesNotDiscardTheNewerSharedOne() {
        storeToken("newer", T0);
        assertEquals("newer", provider().refreshAfterRejection("older"));
        assertEquals(0, source.count());
        assertEquals(Optional.of("newer"), store.get(APP).map(CachedAccessToken::value));
    }

    @Test
    void aBusyTokenEndpointIsRetriedWithExponentialBackoff() {
        source.failures.add(busy());
        source.failures.add(new WeChatTransportException("cgi-bin/stable_token failed: SocketTimeoutException", null));

        assertEquals("token-1", provider().currentToken());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), sleeper.waits());
    }

    @Test
    void aBadSecretIsAPermanentFailureWithoutRetries() {
        source.failures.add(new WeChatApiErrorException("cgi-bin/stable_token",
                new ApiReply(40125, "invalid appsecret", OptionalLong.empty())));

        TokenUnavailableException e = assertThrows(TokenUnavailableException.class, () -> provider().currentToken());

        assertFalse(e.retryable());
        assertEquals(40125, e.errcode());
        assertEquals(1, source.count());
    }

    @Test
    void aFailedRefreshOfAStillUsableTokenKeepsTheOldToken() {
        storeToken("old", T0);
        clock.advance(Duration.ofSeconds(7000));
        for (int i = 0; i < 4; i++) {
            source.failures.add(busy());
        }
        assertEquals("old", provider().currentToken());
    }

    @Test
    void tokensAndSecretsNeverReachTheLog() {
        try (LogCapture logs = new LogCapture()) {
            AccessTokenProvider provider = provider();
            String refused = provider.currentToken();
            provider.refreshAfterRejection(refused);
            assertFalse(logs.lines().isEmpty());
            for (String line : logs.lines()) {
                assertFalse(line.contains("token-"), line);
            }
        }
    }

    private static WeChatApiErrorException busy() {
        return new WeChatApiErrorException("cgi-bin/stable_token", new ApiReply(-1, "system error", OptionalLong.empty()));
    }
}
