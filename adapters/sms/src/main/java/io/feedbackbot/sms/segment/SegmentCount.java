package io.feedbackbot.sms.segment;

import java.util.Objects;

/**
 * How a body goes over the air: its encoding, how many segments (billed parts) it takes, and its length in units
 * of that encoding (septets for GSM-7, UTF-16 code units for UCS-2). Stored per message for cost reports.
 *
 * @param encoding   GSM-7 when every character is in the GSM alphabet, otherwise UCS-2
 * @param segments   billed parts; 1 for an empty body
 * @param units      septets (GSM-7, extension characters count 2) or UTF-16 code units (UCS-2, emoji count 2)
 * @param codePoints Unicode code points in the body, what a person would call its length
 */
public record SegmentCount(SmsEncoding encoding, int segments, int units, int codePoints) {

    public SegmentCount {
        Objects.requireNonNull(encoding, "encoding");
        if (segments < 1 || units < 0 || codePoints < 0) {
            throw new IllegalArgumentException("impossible segment count: " + segments + "/" + units);
        }
    }
}
