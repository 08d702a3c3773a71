package io.feedbackbot.server.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReplyClaimTest {

    private static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");
    private final ReplyClaim passive = new ReplyClaim(ReplyClaim.Route.PASSIVE, T0);

    @Test
    void aTwinArrivingWithTheOriginalAnswersSuccess() {
        assertFalse(passive.passiveAgainFor(T0));
        assertFalse(passive.passiveAgainFor(T0.plusMillis(3_999)));
    }

    @Test
    void aRetryFromAfterWeChatGaveUpAnswersPassivelyAgain() {
        assertTrue(passive.passiveAgainFor(T0.plusSeconds(4)));
        assertTrue(passive.passiveAgainFor(T0.plusSeconds(15)));
    }

    @Test
    void aMessageSwitchedToTheCustomerServiceApiIsNeverAnsweredPassively() {
        assertFalse(new ReplyClaim(ReplyClaim.Route.ASYNC, T0).passiveAgainFor(T0.plusSeconds(15)));
    }

    @Test
    void aClaimSurvivesItsStoredForm() {
        assertEquals(passive, ReplyClaim.decode(passive.encode()));
    }
}
