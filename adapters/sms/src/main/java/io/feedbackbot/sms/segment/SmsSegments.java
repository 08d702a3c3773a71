package io.feedbackbot.sms.segment;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts and splits SMS bodies the way handsets concatenate them: GSM-7 when every character is in the GSM
 * alphabet (160 septets alone, 153 per part), otherwise UCS-2 (70 code units alone, 67 per part).
 *
 * <p>A character is never split across parts: an extension character (escape + septet) or a surrogate pair that
 * does not fit in what is left of a part starts the next one. So the count can exceed the simple
 * {@code ceil(units / 153)} rule at part boundaries, and {@link #count} always equals {@code split(body).size()}.
 */
public final class SmsSegments {

    private SmsSegments() {
    }

    public static SegmentCount count(String body) {
        SmsEncoding encoding = encodingOf(body);
        int units = units(body, encoding);
        int segments = units <= encoding.singleCapacity() ? 1 : parts(body, encoding).size();
        return new SegmentCount(encoding, segments, units, body.codePointCount(0, body.length()));
    }

    /** The parts a handset would receive, in order; one part (possibly empty) for a body that fits alone. */
    public static List<String> split(String body) {
        return split(body, encodingOf(body));
    }

    /** GSM-7 when every character is in the GSM alphabet, otherwise UCS-2. */
    public static SmsEncoding encodingOf(String body) {
        for (int i = 0; i < body.length(); ) {
            int cp = body.codePointAt(i);
            if (GsmAlphabet.septets(cp) == 0) {
                return SmsEncoding.UCS_2;
            }
            i += Character.charCount(cp);
        }
        return SmsEncoding.GSM_7;
    }

    private static List<String> split(String body, SmsEncoding encoding) {
        return units(body, encoding) <= encoding.singleCapacity() ? List.of(body) : parts(body, encoding);
    }

    private static int units(String body, SmsEncoding encoding) {
        int units = 0;
        for (int i = 0; i < body.length(); ) {
            int cp = body.codePointAt(i);
            units += cost(cp, encoding);
            i += Character.charCount(cp);
        }
        return units;
    }

    /** Fills parts of {@code partCapacity} units, moving a character that does not fit whole to the next part. */
    private static List<String> parts(String body, SmsEncoding encoding) {
        List<String> parts = new ArrayList<>();
        int partStart = 0;
        int used = 0;
        for (int i = 0; i < body.length(); ) {
            int cp = body.codePointAt(i);
            int cost = cost(cp, encoding);
            if (used + cost > encoding.partCapacity()) {
                parts.add(body.substring(partStart, i));
                partStart = i;
                used = 0;
            }
            used += cost;
            i += Character.charCount(cp);
        }
        parts.add(body.substring(partStart));
        return List.copyOf(parts);
    }

    private static int cost(int codePoint, SmsEncoding encoding) {
        return encoding == SmsEncoding.GSM_7 ? GsmAlphabet.septets(codePoint) : Character.charCount(codePoint);
    }
}
