package io.feedbackbot.sms.send;

import io.feedbackbot.sms.segment.SegmentCount;
import io.feedbackbot.sms.segment.SmsSegments;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One SMS we mean to send, recorded before it is sent. The id is the caller's idempotency key and must be the same
 * every time the same message is meant (e.g. {@code campaign:42:recipient:+8613800000000:invite}, or the
 * conversation key plus the dialog action's sequence number): two sends with one id never both reach the provider.
 *
 * @param segments counted at intent time, stored for cost reports even if the send never completes
 */
public record SendIntent(String id, String to, String body, SegmentCount segments) {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    public SendIntent {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a send intent needs an id");
        }
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(segments, "segments");
        if (!E164.matcher(to).matches()) {
            throw new IllegalArgumentException("send intent " + id + ": the recipient is not an E.164 number");
        }
    }

    public static SendIntent of(String id, String to, String body) {
        return new SendIntent(id, to, body, SmsSegments.count(body));
    }

    /** Id and segment count only: the number and the text stay out of logs. */
    @Override
    public String toString() {
        return "SendIntent[" + id + ", " + segments.segments() + " segments]";
    }
}
