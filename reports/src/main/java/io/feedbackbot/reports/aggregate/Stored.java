package io.feedbackbot.reports.aggregate;

/** A record with the id of the stream entry it was read from (the stream id orders and dedupes it). */
public record Stored<T>(String id, T value) {
}
