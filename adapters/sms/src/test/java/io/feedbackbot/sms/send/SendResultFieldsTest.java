package io.feedbackbot.sms.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.feedbackbot.sms.rest.SendResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SendResultFieldsTest {

    @Test
    void everyKindOfResultSurvivesTheRoundTrip() {
        for (SendResult r : List.of(new SendResult.Accepted("SM1", "queued", 2),
                new SendResult.Rejected(400, 21211, "The 'To' number is not valid"),
                new SendResult.NotSent("rate limited"), new SendResult.Unknown("timeout"))) {
            assertEquals(r, SendResultFields.fromFields(SendResultFields.toFields(r)));
        }
    }

    @Test
    void theKindFieldAloneSaysWhetherANewSendIsAllowed() {
        assertEquals("not_sent", SendResultFields.toFields(new SendResult.NotSent("x")).get(SendResultFields.KIND));
        assertEquals("unknown", SendResultFields.toFields(new SendResult.Unknown("x")).get(SendResultFields.KIND));
    }

    @Test
    void aDamagedRecordIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SendResultFields.fromFields(Map.of("kind", "accepted", "sid", "SM1")));
        assertEquals("stored send result has no 'status' field", e.getMessage());
    }
}
