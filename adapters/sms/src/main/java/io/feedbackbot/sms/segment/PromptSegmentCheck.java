package io.feedbackbot.sms.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The start-up check that a survey's SMS prompts fit the account's segment budget. Pure: it returns what is over
 * budget and the caller logs a warning for each (an oversized prompt still works, it just costs more).
 */
public final class PromptSegmentCheck {

    private PromptSegmentCheck() {
    }

    /** A prompt that needs more segments than the account allows. */
    public record OversizedPrompt(String account, String promptId, SegmentCount count, int maxSegments) {

        /** One line for the start-up log; names the prompt and the account, never quotes customer data. */
        public String describe() {
            return "SMS prompt '" + promptId + "' needs " + count.segments() + " segments (" + count.encoding().label()
                    + ", " + count.units() + " units) but account '" + account + "' allows " + maxSegments;
        }
    }

    /** Prompts (id → text, in the map's order) whose segment count exceeds {@code maxSegments}. */
    public static List<OversizedPrompt> oversized(String account, Map<String, String> promptsById, int maxSegments) {
        if (maxSegments < 1) {
            throw new IllegalArgumentException("maxSegments must be at least 1 for account '" + account + "'");
        }
        List<OversizedPrompt> over = new ArrayList<>();
        promptsById.forEach((id, text) -> {
            SegmentCount count = SmsSegments.count(text);
            if (count.segments() > maxSegments) {
                over.add(new OversizedPrompt(account, id, count, maxSegments));
            }
        });
        return List.copyOf(over);
    }
}
