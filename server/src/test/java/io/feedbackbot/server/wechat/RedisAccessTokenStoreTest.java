package io.feedbackbot.server.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feedbackbot.redis.testing.TestRedis;
import io.feedbackbot.wechat.api.WeChatApiClient;
import io.feedbackbot.wechat.retry.Sleeper;
import io.feedbackbot.wechat.testing.FakeWeChatApi;
import io.feedbackbot.wechat.token.AccessTokenProvider;
import io.feedbackbot.wechat.token.CachedAccessToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The access_token shared by all nodes through one Redis. */
class RedisAccessTokenStoreTest {

    private static final String APP_ID = "wx2c2769f8efd9abc2";
    private static final String SECRET = "store-test-secret";

    private final MockWebServer server = new MockWebServer();
    private final FakeWeChatApi wechat = new FakeWeChatApi(APP_ID, SECRET);
    private final WechatKeys keys = new WechatKeys(TestRedis.freshKeys());
    private final Clock clock = Clock.systemUTC();
    private WeChatApiClient api;

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(wechat);
        server.start();
        api = new WeChatApiClient(new OkHttpClient(), server.url("/"));
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    /** One node: its own store object and provider, the shared Redis. */
    private AccessTokenProvider node() {
        return new AccessTokenProvider(APP_ID, force -> api.fetchStableToken(APP_ID, SECRET, force),
                new RedisAccessTokenStore(TestRedis.client(), keys), clock, Sleeper.THREAD,
                new AccessTokenProvider.Settings(Duration.ofSeconds(10), Duration.ofSeconds(15),
                        Duration.ofMillis(20), io.feedbackbot.wechat.retry.Backoff.DEFAULT));
    }

    private int fetches() {
        return wechat.calls("/cgi-bin/stable_token").size();
    }

    @Test
    void twoNodesOnOneRedisFetchTheTokenOnce() {
        String first = node().currentToken();
        String second = node().currentToken();

        assertEquals(first, second);
        assertEquals(1, fetches());
    }

    @Test
    void nodesAskingAtOnceStillFetchOnce() {
        List<AccessTokenProvider> nodes = List.of(node(), node(), node(), node());
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<String>> tokens = new ArrayList<>();
        for (AccessTokenProvider node : nodes) {
            tokens.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return node.currentToken();
            }));
        }
        go.countDown();
        Set<String> seen = new HashSet<>();
        tokens.forEach(t -> seen.add(t.join()));

        assertEquals(1, seen.size());
        assertEquals(1, fetches());
    }

    @Test
    void aRefusedTokenIsReplacedOnceForEveryNode() {
        AccessTokenProvider a = node();
        AccessTokenProvider b = node();
        String old = a.currentToken();
        wechat.expireCurrentToken();

        String fromA = a.refreshAfterRejection(old);
        String fromB = b.refreshAfterRejection(old);

        assertEquals(fromA, fromB);
        assertTrue(!fromA.equals(old));
        assertEquals(2, fetches());
    }

    @Test
    void compareAndSetOnlyReplacesTheExpectedToken() {
        RedisAccessTokenStore store = new RedisAccessTokenStore(TestRedis.client(), keys);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        CachedAccessToken one = new CachedAccessToken("one", now.plusSeconds(60), now.plusSeconds(120));
        CachedAccessToken two = new CachedAccessToken("two", now.plusSeconds(60), now.plusSeconds(120));

        assertTrue(store.compareAndSet(APP_ID, Optional.empty(), one));
        assertFalse(store.compareAndSet(APP_ID, Optional.empty(), two), "something is stored now");
        assertFalse(store.compareAndSet(APP_ID, Optional.of("other"), two));
        assertTrue(store.compareAndSet(APP_ID, Optional.of("one"), two));
        assertEquals(Optional.of(two), store.get(APP_ID));

        store.invalidate(APP_ID, "one");
        assertEquals("two", store.get(APP_ID).orElseThrow().value(), "only the refused value is removed");
        store.invalidate(APP_ID, "two");
        assertEquals(Optional.empty(), store.get(APP_ID));
    }

    @Test
    void theRefreshLockHasOneHolderAndOnlyTheHolderReleasesIt() {
        RedisAccessTokenStore store = new RedisAccessTokenStore(TestRedis.client(), keys);
        assertTrue(store.tryLock(APP_ID, "node-a", Duration.ofSeconds(30)));
        assertFalse(store.tryLock(APP_ID, "node-b", Duration.ofSeconds(30)));
        store.unlock(APP_ID, "node-b");
        assertFalse(store.tryLock(APP_ID, "node-b", Duration.ofSeconds(30)), "b cannot release a's lock");
        store.unlock(APP_ID, "node-a");
        assertTrue(store.tryLock(APP_ID, "node-b", Duration.ofSeconds(30)));
    }

    @Test
    void theStoredTokenExpiresWhenItStopsBeingUsable() {
        RedisAccessTokenStore store = new RedisAccessTokenStore(TestRedis.client(), keys);
        Instant now = clock.instant();
        store.compareAndSet(APP_ID, Optional.empty(), new CachedAccessToken("t", now.plusSeconds(60),
                now.plusSeconds(120)));
        long ttl = TestRedis.client().pttl(keys.accessToken(APP_ID));
        assertTrue(ttl > 0 && ttl <= 120_000, "expires with the token: " + ttl);
    }
}
