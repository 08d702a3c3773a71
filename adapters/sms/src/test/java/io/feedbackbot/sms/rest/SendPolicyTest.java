package io.feedbackbot.sms.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SendPolicyTest {

    private final SendPolicy policy =
            new SendPolicy(Duration.ofSeconds(5), 6, Duration.ofMillis(100), Duration.ofMillis(1000));

    @Test
    void theCeilingDoublesWithEachRetryUpToTheMaximum() {
        assertEquals(Duration.ofMillis(100), policy.ceiling(1));
        assertEquals(Duration.ofMillis(200), policy.ceiling(2));
        assertEquals(Duration.ofMillis(400), policy.ceiling(3));
        assertEquals(Duration.ofMillis(800), policy.ceiling(4));
        assertEquals(Duration.ofMillis(1000), policy.ceiling(5));
        assertEquals(Duration.ofMillis(1000), policy.ceiling(1000));
    }

    @Test
    void backoffIsFullJitterBetweenZeroAndTheCeiling() {
        Random random = new Random(7);
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            long ms = policy.backoff(3, random).toMillis();
            assertTrue(ms >= 0 && ms <= 400, "wait " + ms);
            seen.add(ms);
        }
        assertTrue(seen.size() > 100, "waits should spread over the range, saw " + seen.size() + " values");
    }

    @Test
    void theSameSeedGivesTheSameWaits() {
        assertEquals(policy.backoff(2, new Random(42)), policy.backoff(2, new Random(42)));
    }

    @Test
    void nonsenseSettingsAreRefusedAtStartUp() {
        assertThrows(IllegalArgumentException.class,
                () -> new SendPolicy(Duration.ZERO, 3, Duration.ofMillis(1), Duration.ofMillis(2)));
        assertThrows(IllegalArgumentException.class,
                () -> new SendPolicy(Duration.ofSeconds(1), 0, Duration.ofMillis(1), Duration.ofMillis(2)));
        assertThrows(IllegalArgumentException.class,
                () -> new SendPolicy(Duration.ofSeconds(1), 3, Duration.ofMillis(5), Duration.ofMillis(2)));
    }
}
