package io.feedbackbot.config;

import java.time.ZoneId;
import java.util.List;

/**
 * Results: how answers are counted and reported.
 *
 * @param timeZone     the calendar days, Monday weeks and months of reports (one for the deployment: counters are
 *                     filed under a day as answers arrive, so changing it applies to answers counted afterwards)
 * @param minAnswers   slices with fewer answers are flagged "too few answers"
 * @param attributes   invitation context keys counted as report dimensions besides store, touchpoint and agent
 * @param lowTextsKept how many free-text answers of low-score runs each survey keeps for text themes
 */
public record ReportsSettings(ZoneId timeZone, int minAnswers, List<String> attributes, int lowTextsKept) {

    public ReportsSettings {
        attributes = List.copyOf(attributes);
    }

    public static ReportsSettings defaults() {
        return new ReportsSettings(ZoneId.of("Asia/Shanghai"), 30, List.of(), 100_000);
    }
}
