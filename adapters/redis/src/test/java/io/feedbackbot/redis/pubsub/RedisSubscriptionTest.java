package io.feedbackbot.redis.pubsub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feedbackbot.redis.RedisConnections;
import io.feedbackbot.redis.testing.TestRedis;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

class RedisSubscriptionTest {

    private final String channel = "{" + TestRedis.freshPrefix() + "}events";

    @Test
    void messagesArriveAndAClosedSubscriptionHandsBackACleanConnection() throws Exception {
        UnifiedJedis publisher = TestRedis.client();
        // one connection per node: the subscription and the commands after it share it, so a connection handed
        // back still subscribed would answer the next command with a pub/sub message
        try (UnifiedJedis single = RedisConnections.open(TestRedis.url(), 1)) {
            for (int round = 0; round < 20; round++) {
                // a channel per round: on a cluster, the last round's messages may still be crossing the bus
                String roundChannel = channel + ":" + round;
                LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
                RedisSubscription subscription = RedisSubscription.start(single, roundChannel, "test-subscriber",
                        received::add);
                waitUntilSubscribed(subscription);
                publisher.publish(roundChannel, "first-" + round);
                assertEquals("first-" + round, received.poll(10, TimeUnit.SECONDS));
                for (int i = 0; i < 20; i++) {
                    publisher.publish(roundChannel, "burst-" + i);
                }
                subscription.close();

                String key = channel + ":k";
                single.set(key, "v" + round);
                assertEquals("v" + round, single.get(key));
                assertEquals(1L, single.del(key));
            }
        }
    }

    @Test
    void closingBeforeTheSubscriptionIsConfirmedStillEndsIt() throws Exception {
        try (UnifiedJedis single = RedisConnections.open(TestRedis.url(), 1)) {
            for (int round = 0; round < 20; round++) {
                RedisSubscription.start(single, channel, "test-subscriber", m -> { }).close();
                String key = channel + ":k";
                single.set(key, "v" + round);
                assertEquals("v" + round, single.get(key));
            }
            single.del(channel + ":k");
        }
    }

    private static void waitUntilSubscribed(RedisSubscription subscription) throws InterruptedException {
        for (int i = 0; i < 500 && !subscription.isSubscribed(); i++) {
            Thread.sleep(10);
        }
        assertTrue(subscription.isSubscribed(), "subscribed within 5 s");
    }
}
