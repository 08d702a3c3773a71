package io.feedbackbot.sms.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class DeliveryStatusTest {

    @ParameterizedTest(name = "given {0}, when {1} arrives, then {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # the happy path, one step at a time
            queued              | sending             | sending
            sending             | sent                | sent
            sent                | delivered           | delivered
            accepted            | queued              | queued
            scheduled           | accepted            | accepted
            delivered           | read                | read
            # skipped steps (no callback for some stages)
            queued              | delivered           | delivered
            accepted            | sent                | sent
            queued              | partially_delivered | partially_delivered
            partially_delivered | delivered           | delivered
            # out of order: an earlier stage arriving late changes nothing
            delivered           | sent                | delivered
            sent                | sending             | sent
            sent                | queued              | sent
            read                | delivered           | read
            # final states never move back, nor sideways
            delivered           | failed              | delivered
            delivered           | undelivered         | delivered
            failed              | delivered           | failed
            failed              | sent                | failed
            undelivered         | delivered           | undelivered
            undelivered         | failed              | undelivered
            canceled            | queued              | canceled
            canceled            | sent                | canceled
            read                | failed              | read
            # failures end any non-final state
            queued              | failed              | failed
            sending             | undelivered         | undelivered
            sent                | undelivered         | undelivered
            partially_delivered | undelivered         | undelivered
            scheduled           | canceled            | canceled
            queued              | canceled            | canceled
            # repeated callbacks and inbound statuses change nothing
            sent                | sent                | sent
            delivered           | delivered           | delivered
            queued              | received            | queued
            sent                | receiving           | sent
            """)
    void appliesAReportToTheCurrentStatus(String current, String reported, String expected) {
        DeliveryStatus c = DeliveryStatus.parse(current).orElseThrow();
        DeliveryStatus r = DeliveryStatus.parse(reported).orElseThrow();
        assertEquals(DeliveryStatus.parse(expected).orElseThrow(), c.after(r));
    }

    @ParameterizedTest
    @EnumSource(value = DeliveryStatus.class, names = {"UNDELIVERED", "FAILED", "CANCELED", "READ"})
    void terminalStatesIgnoreEveryReport(DeliveryStatus terminal) {
        for (DeliveryStatus reported : DeliveryStatus.values()) {
            assertEquals(terminal, terminal.after(reported), terminal + " after " + reported);
        }
    }

    @Test
    void noReportEverMovesAStatusToAnEarlierStage() {
        for (DeliveryStatus current : DeliveryStatus.values()) {
            for (DeliveryStatus reported : DeliveryStatus.values()) {
                DeliveryStatus next = current.after(reported);
                assertTrue(next == current || next == reported, current + " after " + reported);
                if (current.isFinal()) {
                    assertTrue(next == current || (current == DeliveryStatus.DELIVERED && next == DeliveryStatus.READ),
                            current + " after " + reported);
                }
            }
        }
    }

    @Test
    void parsesTheProviderSpelling() {
        assertEquals(Optional.of(DeliveryStatus.PARTIALLY_DELIVERED), DeliveryStatus.parse("partially_delivered"));
        assertEquals(Optional.of(DeliveryStatus.SENT), DeliveryStatus.parse(" Sent "));
        assertEquals(Optional.empty(), DeliveryStatus.parse("teleported"));
        assertEquals(Optional.empty(), DeliveryStatus.parse(null));
        assertEquals("partially_delivered", DeliveryStatus.PARTIALLY_DELIVERED.wireName());
    }

    @Test
    void finalStatesAreTheOnesTheDesignNames() {
        for (DeliveryStatus s : DeliveryStatus.values()) {
            boolean expected = switch (s) {
                case DELIVERED, UNDELIVERED, FAILED, READ, CANCELED -> true;
                default -> false;
            };
            assertEquals(expected, s.isFinal(), s.name());
        }
        assertFalse(DeliveryStatus.RECEIVED.isOutbound());
    }
}
