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
     * @param next the cursor for the following page, or null when this page reached the end
     */
    record Page(List<AnswerRecord> answers, String next) {
        public Page {
            answers = List.copyOf(answers);
        }
    }
}
