package io.feedbackbot.wechat.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feedbackbot.wechat.api.StableToken;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CachedAccessTokenTest {

    private static final Instant T0 = Instant.ofEpochSecond(1_700_000_000L);

    @ParameterizedTest(name = "expires_in {0}: refresh after {1} s, usable for {2} s")
    @CsvSource({
        "7200, 6960, 7170",
        "300, 150, 270",
        "100, 50, 75",
        "1, 0, 1"
    })
    void theScheduleRefreshesFourMinutesAheadAndStopsUsingThirtySecondsBeforeExpiry(
            long expiresIn, long refreshAfter, long usableFor) {
        CachedAccessToken token = CachedAccessToken.of(new StableToken("t", expiresIn), T0);
        assertEquals(T0.plusSeconds(refreshAfter), token.refreshAt());
        assertEquals(T0.plusSeconds(usableFor), token.usableUntil());
    }

    @Test
    void aTokenIsDueAtItsRefreshInstantAndUnusableAtItsLimit() {
        CachedAccessToken token = CachedAccessToken.of(new StableToken("t", 7200), T0);
        assertFalse(token.isDue(T0.plusSeconds(6959)));
        assertTrue(token.isDue(T0.plusSeconds(6960)));
        assertTrue(token.isUsable(T0.plusSeconds(7169)));
        assertFalse(token.isUsable(T0.plusSeconds(7170)));
    }

    @Test
    void toStringHidesTheToken() {
        assertFalse(CachedAccessToken.of(new StableToken("SECRET", 7200), T0).toString().contains("SECRET"));
    }
}
