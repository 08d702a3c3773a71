package io.feedbackbot.wechat.kefu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KefuWindowTest {

    private static final Instant LAST = Instant.ofEpochSecond(1_700_000_000L);
    private static final KefuWindow EXACT = new KefuWindow(Duration.ofHours(48), 5, Duration.ZERO);

    @ParameterizedTest(name = "{0} s after the user wrote, {1} sent: {2}")
    @CsvSource({
        "0, 0, CUSTOMER_SERVICE",
        "1, 4, CUSTOMER_SERVICE",
        "1, 5, TEMPLATE",
        "1, 6, TEMPLATE",
        "172799, 0, CUSTOMER_SERVICE",
        "172799, 4, CUSTOMER_SERVICE",
        "172800, 0, TEMPLATE",
        "172801, 0, TEMPLATE",
        "-60, 0, CUSTOMER_SERVICE"
    })
    void theExactRuleIsFortyEightHoursAndFiveMessages(long secondsAfter, int sent, SendMethod expected) {
        KefuUsage usage = new KefuUsage(Optional.of(LAST), sent);
        assertEquals(expected, EXACT.choose(usage, LAST.plusSeconds(secondsAfter)));
    }

    @ParameterizedTest(name = "{0} s after the user wrote: {1}")
    @CsvSource({
        "172739, CUSTOMER_SERVICE",
        "172740, TEMPLATE"
    })
    void theDefaultClosesTheWindowOneMinuteEarly(long secondsAfter, SendMethod expected) {
        assertEquals(expected, KefuWindow.DEFAULT.choose(KefuUsage.openedAt(LAST), LAST.plusSeconds(secondsAfter)));
    }

    @Test
    void aUserWhoNeverWroteNeedsATemplate() {
        assertEquals(SendMethod.TEMPLATE, KefuWindow.DEFAULT.choose(KefuUsage.NONE, LAST));
    }

    @Test
    void nonsensicalWindowsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new KefuWindow(Duration.ZERO, 5, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new KefuWindow(Duration.ofHours(48), 0, Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> new KefuWindow(Duration.ofHours(1), 5, Duration.ofHours(1)));
    }
}
