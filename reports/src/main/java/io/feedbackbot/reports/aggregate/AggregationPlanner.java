package io.feedbackbot.reports.aggregate;

import io.feedbackbot.core.answer.AnswerRecord;
import io.feedbackbot.core.answer.AnswerStatus;
import io.feedbackbot.core.answer.SurveyEvent;
import io.feedbackbot.reports.stats.RunCounts;
import io.feedbackbot.reports.stats.Scale;
import io.feedbackbot.reports.time.Bucket;
import io.feedbackbot.reports.time.ReportingCalendar;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which counters a batch of stored answers or milestones moves, in stream order, without touching
 * anything: rating answers add one to their score in every dimension × {day, week, month}; a run's first
 * answered question adds one to its "responded" count; complaints count by category; free text of low-score runs
 * is set aside for themes. Milestones count runs delivered and how they ended. Pure: the caller reads the run
 * markers the batch needs beforehand and applies the plan atomically with its stream cursor.
 */
public final class AggregationPlanner {

    private static final Set<String> RATINGS = Set.of("nps", "csat", "ces");

    private final ReportingCalendar calendar;
    private final Dimensions dimensions;
    private final double complaintThreshold;

    /** @param complaintThreshold a free-text answer counts as a complaint at this classifier probability or above */
    public AggregationPlanner(ReportingCalendar calendar, Dimensions dimensions, double complaintThreshold) {
        this.calendar = calendar;
        this.dimensions = dimensions;
        this.complaintThreshold = complaintThreshold;
    }

    /**
     * @param known the stored markers of the batch's invitations (absent: the run has not answered yet)
     */
    public AnswerPlan planAnswers(List<Stored<AnswerRecord>> answers, Map<String, RunMarker> known) {
        Map<Cell, long[]> counts = new LinkedHashMap<>();
        Map<String, RunMarker> markers = new LinkedHashMap<>();
        List<LowText> lowTexts = new ArrayList<>();
        for (Stored<AnswerRecord> stored : answers) {
            AnswerRecord a = stored.value();
            if (a.status() != AnswerStatus.ANSWERED) {
                continue;
            }
            Map<String, String> dims = dimensions.values(a.key(), a.campaignId(), a.context());
            List<Bucket> buckets = calendar.bucketsOf(a.answeredAt());
            RunMarker before = markers.containsKey(a.invitationId()) ? markers.get(a.invitationId())
                    : known.get(a.invitationId());
            RunMarker marker = before == null ? RunMarker.RESPONDED : before;
            if (before == null) {
                add(counts, Cell.RUNS, dims, buckets, RunCounts.WIDTH, RunCounts.RESPONDED);
            }
            if (RATINGS.contains(a.questionType()) && a.score() != null && a.scale() != null) {
                Scale scale = Scale.parse(a.scale());
                if (scale.contains(a.score())) {
                    add(counts, a.questionId(), dims, buckets, scale.width(), scale.index(a.score()));
                    if (marker.ratingType() == null) {
                        marker = new RunMarker(a.questionType(), a.score());
                    }
                }
            } else if ("text".equals(a.questionType()) && a.value() != null) {
                if (a.complaintProbability() != null && a.complaintProbability() >= complaintThreshold) {
                    String category = a.complaintCategory() == null ? "other" : a.complaintCategory();
                    add(counts, Cell.COMPLAINTS, Map.of(Cell.CATEGORY, category), buckets, 1, 0);
                }
                if (marker.low()) {
                    lowTexts.add(new LowText(stored.id(), a.answerId(), a.questionId(), a.value(), a.language().tag(),
                            marker.ratingType(), marker.ratingScore(), a.complaintCategory(),
                            a.complaintProbability(), dims.get("store"), dims.get("touchpoint"), a.answeredAt()));
                }
            }
            if (!marker.equals(before)) {
                markers.put(a.invitationId(), marker);
            }
        }
        return new AnswerPlan(counts, markers, lowTexts);
    }

    /** Runs delivered (STARTED) and ended, by status, in every dimension × {day, week, month}. */
    public Map<Cell, long[]> planEvents(List<Stored<SurveyEvent>> events) {
        Map<Cell, long[]> counts = new LinkedHashMap<>();
        for (Stored<SurveyEvent> stored : events) {
            SurveyEvent e = stored.value();
            int slot = e.type() == SurveyEvent.Type.STARTED ? RunCounts.DELIVERED : RunCounts.slotOf(e.status());
            add(counts, Cell.RUNS, dimensions.values(e.key(), e.campaignId(), e.context()),
                    calendar.bucketsOf(e.at()), RunCounts.WIDTH, slot);
        }
        return counts;
    }

    private static void add(Map<Cell, long[]> counts, String series, Map<String, String> dims, List<Bucket> buckets,
                            int width, int index) {
        for (Map.Entry<String, String> dim : dims.entrySet()) {
            for (Bucket bucket : buckets) {
                counts.computeIfAbsent(new Cell(series, dim.getKey(), bucket, dim.getValue()), c -> new long[width])[index]++;
            }
        }
    }

    /**
     * What a batch of answers changes.
     *
     * @param counts   increments per cell
     * @param markers  run markers to store (new or changed), by invitation id
     * @param lowTexts free text of low-score runs, in stream order
     */
    public record AnswerPlan(Map<Cell, long[]> counts, Map<String, RunMarker> markers, List<LowText> lowTexts) {
        public AnswerPlan {
            counts = Map.copyOf(counts);
            markers = Map.copyOf(new HashMap<>(markers));
            lowTexts = List.copyOf(lowTexts);
        }
    }
}
