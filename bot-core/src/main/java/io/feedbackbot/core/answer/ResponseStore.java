package io.feedbackbot.core.answer;

import java.util.List;

/** Reads stored answers back, survey by survey, in the order they were stored. */
public interface ResponseStore {

    /**
     * Up to {@code limit} answers of {@code surveyId} stored after {@code cursor}.
     *
     * @param cursor null for the first page, else a page's {@link Page#next()}
     */
    Page page(String surveyId, String cursor, int limit);

    /**
     * One page of answers.
     *
     * @param next    the cursor for the following page, or null when this page reached the end
     * @param cursors each answer's own cursor (resume right after it), in order; empty when the store has none
     */
    record Page(List<AnswerRecord> answers, String next, List<String> cursors) {
        public Page {
            answers = List.copyOf(answers);
            cursors = List.copyOf(cursors);
        }

        public Page(List<AnswerRecord> answers, String next) {
            this(answers, next, List.of());
        }
    }
}
