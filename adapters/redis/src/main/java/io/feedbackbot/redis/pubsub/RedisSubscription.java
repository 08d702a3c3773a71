package io.feedbackbot.redis.pubsub;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.UnifiedJedis;

/**
 * A pub/sub subscription on its own daemon thread that resubscribes after a lost connection (messages published
 * meanwhile are lost, so listeners must be able to catch up from durable state). Listener failures are logged.
 */
public final class RedisSubscription implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisSubscription.class);

    private final Thread thread;
    private final JedisPubSub pubSub;
    private volatile boolean closed;

    private RedisSubscription(UnifiedJedis redis, String channel, String threadName, Consumer<String> listener) {
        this.pubSub = new JedisPubSub() {
            @Override
            public void onSubscribe(String channel, int count) {
                if (closed) {
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
        while (!closed) {
            try {
                redis.subscribe(pubSub, channel);
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                log.warn("{} lost its subscription, retrying in 1 s: {}", threadName, e.toString());
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /** Whether the subscription is live (tests wait for it before publishing). */
    public boolean isSubscribed() {
        return pubSub.isSubscribed();
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        if (pubSub.isSubscribed()) {
            pubSub.unsubscribe();
        }
    }
}
