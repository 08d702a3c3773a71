package io.feedbackbot.redis.pubsub;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.UnifiedJedis;

/**
 * A pub/sub subscription on its own daemon thread that resubscribes after a lost connection (messages published
 * meanwhile are lost, so listeners must be able to catch up from durable state). Listener failures are logged.
 *
 * <p>Closing unsubscribes and lets the subscriber thread read the confirmation before its connection goes back to
 * the pool. It never interrupts that thread: Jedis stops reading at an interrupt, which would hand back a connection
 * still subscribed, and the next command borrowing it would take a pub/sub message for its own reply.
 */
public final class RedisSubscription implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisSubscription.class);

    private final Thread thread;
    private final JedisPubSub pubSub;
    private final CountDownLatch closed = new CountDownLatch(1);

    private RedisSubscription(UnifiedJedis redis, String channel, String threadName, Consumer<String> listener) {
        this.pubSub = new JedisPubSub() {
            @Override
            public void onSubscribe(String channel, int count) {
                if (isClosed()) {
                    unsubscribe();
                }
            }

            @Override
            public void onMessage(String from, String message) {
                try {
                    listener.accept(message);
                } catch (RuntimeException e) {
                    log.warn("{} listener failed: {}", threadName, e.toString());
                }
            }
        };
        this.thread = new Thread(() -> loop(redis, channel, threadName), threadName);
        thread.setDaemon(true);
    }

    /** Subscribes to {@code channel}; {@code listener} gets each message on the subscription thread. */
    public static RedisSubscription start(UnifiedJedis redis, String channel, String threadName,
                                          Consumer<String> listener) {
        RedisSubscription subscription = new RedisSubscription(redis, channel, threadName, listener);
        subscription.thread.start();
        return subscription;
    }

    private void loop(UnifiedJedis redis, String channel, String threadName) {
        while (!isClosed()) {
            try {
                redis.subscribe(pubSub, channel);
            } catch (RuntimeException e) {
                if (isClosed()) {
                    return;
                }
                log.warn("{} lost its subscription, retrying in 1 s: {}", threadName, e.toString());
                try {
                    closed.await(1, TimeUnit.SECONDS);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private boolean isClosed() {
        return closed.getCount() == 0;
    }

    /** Whether the subscription is live (tests wait for it before publishing). */
    public boolean isSubscribed() {
        return pubSub.isSubscribed();
    }

    @Override
    public void close() {
        closed.countDown();
        if (pubSub.isSubscribed()) {
            pubSub.unsubscribe();
        }
    }
}
