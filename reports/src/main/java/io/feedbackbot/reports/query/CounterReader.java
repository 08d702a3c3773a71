package io.feedbackbot.reports.query;

import io.feedbackbot.reports.time.Bucket;
import java.util.Collection;
import java.util.Map;

/** Reads stored counters: the port reports are computed through (Redis in the server, a map in tests). */
public interface CounterReader {

    /**
     * The counts of every value of {@code dimension} in each bucket (for the dimension {@code all}, the single
     * value {@code all}). Buckets with no counters may be absent.
     */
    Map<Bucket, Map<String, long[]>> read(String survey, String series, String dimension, Collection<Bucket> buckets);
}
