package io.feedbackbot.redis.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feedbackbot.core.conversation.ConversationKey;
import io.feedbackbot.redis.testing.TestRedis;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RedisTimerIndexTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    private final RedisTimerIndex timers = new RedisTimerIndex(TestRedis.client(), TestRedis.freshKeys());

    @Test
    void onlyDueConversationsAreClaimed() {
        ConversationKey due = new ConversationKey("sms", "main", "+8613800000001");
        ConversationKey later = new ConversationKey("sms", "main", "+8613800000002");
        timers.set(due, T0.minusSeconds(1));
        timers.set(later, T0.plusSeconds(60));

        assertEquals(List.of(due), timers.claimDue(T0, 10, Duration.ofSeconds(30)));
    }

    @Test
    void aClaimedConversationIsNotClaimedAgainUntilItsLeasePasses() {
        ConversationKey key = new ConversationKey("webchat", "demo", "u-1");
        timers.set(key, T0);
        timers.claimDue(T0, 10, Duration.ofSeconds(30));

        assertTrue(timers.claimDue(T0.plusSeconds(29), 10, Duration.ofSeconds(30)).isEmpty());
        assertEquals(List.of(key), timers.claimDue(T0.plusSeconds(30), 10, Duration.ofSeconds(30)));
    }

    @Test
    void aRemovedTimerIsNeverClaimed() {
        ConversationKey key = new ConversationKey("webchat", "demo", "u-2");
        timers.set(key, T0);
        timers.set(key, null);

        assertTrue(timers.claimDue(T0.plusSeconds(3600), 10, Duration.ofSeconds(30)).isEmpty());
    }

    @Test
    void claimingStopsAtTheLimitAcrossShards() {
        Set<ConversationKey> all = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            ConversationKey key = new ConversationKey("webchat", "demo", "u-" + i);
            all.add(key);
            timers.set(key, T0);
        }
        Set<ConversationKey> claimed = new HashSet<>(timers.claimDue(T0, 20, Duration.ofSeconds(30)));
        claimed.addAll(timers.claimDue(T0, 100, Duration.ofSeconds(30)));

        assertEquals(all, claimed);
        assertEquals(50, claimed.size());
    }
}
