package io.feedbackbot.wechat.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateDeliveryStatusTest {

    @ParameterizedTest(name = "\"{0}\" means {1}")
    @CsvSource(delimiter = '|', value = {
        "success | DELIVERED",
        "failed:user block | BLOCKED_BY_USER",
        "failed: system failed | SYSTEM_FAILED",
        "failed:freq limit | OTHER_FAILURE",
        "something new | UNKNOWN"
    })
    void wireStatusesMapToDeliveryStatuses(String wire, TemplateDeliveryStatus expected) {
        assertEquals(expected, TemplateDeliveryStatus.fromWire(wire));
    }
}
