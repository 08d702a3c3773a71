package io.feedbackbot.reports.aggregate;

import io.feedbackbot.reports.time.Bucket;
import java.util.Objects;

/**
 * One counter array: the counts of one series (a rating question's id, {@link #RUNS} or {@link #COMPLAINTS}) for
 * one value of one dimension in one time bucket. In Redis a cell is a field ({@code value}) of the hash
 * {@code fb:{survey:<id>}:agg:<series>:<dimension>:<bucket>}.
 */
public record Cell(String series, String dimension, Bucket bucket, String value) {

    /** The series of run milestones, laid out as {@link io.feedbackbot.reports.stats.RunCounts}. */
    public static final String RUNS = "_runs";
    /** The series of complaints: one count per category, under the dimension {@link #CATEGORY}. */
    public static final String COMPLAINTS = "_complaints";
    /** The dimension complaints are counted by. */
    public static final String CATEGORY = "category";

    public Cell {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(value, "value");
    }
}
