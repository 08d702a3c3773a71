package io.feedbackbot.redis.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecipientRecordTest {

    @Test
    void aRecordSurvivesEncodingWithEmptyAndChineseValues() {
        RecipientRecord record = new RecipientRecord("R-1", 7, "+8613800000000", "", List.of("上海人民广场店", "", "vip"));

        assertEquals(record, RecipientRecord.decode(record.encode()));
        assertEquals(new RecipientRecord("R-2", 0, "u", "en", List.of()),
                RecipientRecord.decode(new RecipientRecord("R-2", 0, "u", "en", List.of()).encode()));
    }

    @Test
    void aSeparatorInsideAFieldIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new RecipientRecord("R\u001f1", 1, "u", "en", List.of()).encode());
    }
}
