package io.feedbackbot.server.reports;

import io.feedbackbot.redis.RedisKeys;
import io.feedbackbot.reports.aggregate.Cell;
import io.feedbackbot.reports.time.Bucket;

/**
 * Names the report keys, all under the survey's hash tag next to its answer and milestone streams, so one script
 * can apply a batch and move the cursor atomically on Redis Cluster too:
 * {@code fb:{survey:<id>}:agg:c:<series>:<dimension>:<bucket>} (a hash: dimension value → "n n n…"),
 * {@code …:agg:cursor:<stream>}, {@code …:agg:m:<invitation>} (run markers), {@code …:agg:lowtexts},
 * {@code …:agg:lease}.
 */
public final class ReportKeys {

    private final RedisKeys keys;

    public ReportKeys(RedisKeys keys) {
        this.keys = keys;
    }

    public String counters(String survey, String series, String dimension, Bucket bucket) {
        return keys.survey(survey, "agg:c:" + series + ":" + dimension + ":" + bucket.name());
    }

    public String counters(String survey, Cell cell) {
        return counters(survey, cell.series(), cell.dimension(), cell.bucket());
    }

    /** The id of the last entry of {@code stream} ({@code answers} or {@code events}) that was counted. */
    public String cursor(String survey, String stream) {
        return keys.survey(survey, "agg:cursor:" + stream);
    }

    public String stream(String survey, String stream) {
        return keys.survey(survey, stream);
    }

    public String marker(String survey, String invitationId) {
        return keys.survey(survey, "agg:m:" + invitationId);
    }

    public String lowTexts(String survey) {
        return keys.survey(survey, "agg:lowtexts");
    }

    public String lease(String survey) {
        return keys.survey(survey, "agg:lease");
    }

    /** The pub/sub channel that announces "counters of survey X changed" (the message is the survey id). */
    public String updates() {
        return keys.global("reports");
    }

    /** The stream of work-order requests the engine writes ({@code fb:{tickets}:requests}). */
    public String ticketRequests() {
        return keys.global("{tickets}:requests");
    }
}
