package io.feedbackbot.bench.load;

/**
 * The survey turns every simulated customer takes on the shipped {@code post-delivery-nps} survey, in Chinese,
 * and a phrase the bot's answer to each must contain: greeting → the NPS question; a score (four spellings) → the
 * follow-up question for that score; a free-text reason → thanks. Scores stay above the escalation threshold, so
 * no work order is opened: the run measures survey turns, not ticket creation.
 */
public final class Turns {

    public static final int STEPS = 3;

    private static final String GREETING = "你好，我想评价一下这次配送";
    private static final String[] SCORES = {"9", "8", "九分", "10分"};
    private static final String REASON = "送货很快，包装也很完整，谢谢";

    private static final String ASKS_SCORE = "推荐给朋友或同事";
    private static final String ASKS_WHAT_WENT_WELL = "您最喜欢这次配送的哪一点";
    private static final String ASKS_WHAT_TO_IMPROVE = "怎样做才能让您打出 10 分";
    private static final String THANKS = "感谢您的反馈";

    private Turns() {
    }

    /** What customer {@code customer} writes at turn {@code step}. */
    public static String text(int customer, int step) {
        return switch (step) {
            case 0 -> GREETING;
            case 1 -> SCORES[customer & 3];
            default -> REASON;
        };
    }

    /** A phrase the bot's answer to that turn must contain. */
    public static String expected(int customer, int step) {
        return switch (step) {
            case 0 -> ASKS_SCORE;
            case 1 -> (customer & 3) == 1 ? ASKS_WHAT_TO_IMPROVE : ASKS_WHAT_WENT_WELL;
            default -> THANKS;
        };
    }
}
