package io.feedbackbot.wechat.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TimestampWindowTest {

    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);

    @ParameterizedTest(name = "a timestamp {0} s from now is fresh: {1}")
    @CsvSource({
        "0, true",
        "-300, true",
        "300, true",
        "-301, false",
        "301, false",
        "-86400, false",
        "86400, false"
    })
    void theDefaultWindowAcceptsFiveMinutesEitherWay(long offsetSeconds, boolean fresh) {
        assertEquals(fresh, TimestampWindow.DEFAULT.isFresh(NOW.getEpochSecond() + offsetSeconds, NOW));
        assertEquals(fresh, TimestampWindow.DEFAULT.isFresh(Long.toString(NOW.getEpochSecond() + offsetSeconds), NOW));
    }

    @Test
    void aConfiguredToleranceIsHonoured() {
        TimestampWindow oneMinute = new TimestampWindow(Duration.ofMinutes(1));
        assertEquals(true, oneMinute.isFresh(NOW.getEpochSecond() - 60, NOW));
        assertFalse(oneMinute.isFresh(NOW.getEpochSecond() - 61, NOW));
    }

    @ParameterizedTest(name = "\"{0}\" is not a timestamp")
    @NullAndEmptySource
    @ValueSource(strings = {"abc", "-1", "1.5", " 1700000000", "1700000000000000"})
    void nonNumericTimestampsAreNeverFresh(String value) {
        assertFalse(TimestampWindow.DEFAULT.isFresh(value, NOW));
        assertEquals(OptionalLong.empty(), TimestampWindow.parseEpochSeconds(value));
    }

    @Test
    void aZeroToleranceIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TimestampWindow(Duration.ZERO));
    }
}
