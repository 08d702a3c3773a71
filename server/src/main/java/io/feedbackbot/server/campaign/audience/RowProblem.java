package io.feedbackbot.server.campaign.audience;

/**
 * Why one audience row was not imported, for the marketer: the line it starts on, its id when it had one, a reason
 * code for counting ({@code invalid_number}, {@code duplicate_id}…) and a sentence.
 */
public record RowProblem(long line, String id, String reason, String message) {
}
