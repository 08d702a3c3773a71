package io.feedbackbot.server.campaign;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A campaign's live counts for the API, the console and the CLI, from its shards' counters and its tallies:
 * pending (queued, and in flight on some node), how recipients ended (sent, failed, unknown, skipped, the last
 * three by reason), and what came after the send (delivered, undelivered, responded, reminded).
 *
 * <p>Invariant: recipients = pending + sent + failed + unknown + skipped.
 */
public final class CampaignProgress {

    private CampaignProgress() {
    }

    public static Map<String, Object> of(Map<String, Long> counts, Map<String, Long> tallies) {
        Map<String, Object> out = new LinkedHashMap<>();
        long queued = counts.getOrDefault("queued", 0L);
        long claimed = counts.getOrDefault("claimed", 0L);
        out.put("recipients", counts.getOrDefault("imported", 0L));
        out.put("pending", queued + claimed);
        out.put("queued", queued);
        out.put("inFlight", claimed);
        out.put("sent", counts.getOrDefault("sent", 0L));
        out.put("delivered", tallies.getOrDefault("delivered", 0L));
        out.put("undelivered", tallies.getOrDefault("undelivered", 0L));
        out.put("failed", byReason(counts, "failed"));
        out.put("unknown", counts.getOrDefault("unknown", 0L));
        out.put("skipped", byReason(counts, "skipped"));
        out.put("responded", tallies.getOrDefault("responded", 0L));
        out.put("reminded", tallies.getOrDefault("reminded", 0L));
        out.put("reminders", tallies.getOrDefault("reminders", 0L));
        return out;
    }

    private static Map<String, Object> byReason(Map<String, Long> counts, String outcome) {
        Map<String, Long> reasons = new TreeMap<>();
        counts.forEach((field, n) -> {
            if (field.startsWith(outcome + ":") && n > 0) {
                reasons.put(field.substring(outcome.length() + 1), n);
            }
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", counts.getOrDefault(outcome, 0L));
        out.put("byReason", reasons);
        return out;
    }
}
