package io.feedbackbot.dialogs.survey;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The survey the bot runs after an agent resolves a work order: was the problem solved, then an optional CSAT of
 * the handling. Its answers carry the ticket and the agent in their context (reports of agent CSAT read them),
 * and are also recorded on the work order. A survey file with the same id replaces it.
 */
public final class FollowUpSurvey {

    /** The survey id. */
    public static final String ID = "handoff-followup";

    private FollowUpSurvey() {
    }

    public static SurveyDefinition definition() {
        return new SurveyDefinition(ID, LocalizedText.of("人工服务回访", "Support follow-up"), null,
                LocalizedText.of("感谢您的反馈，祝您生活愉快！", "Thank you for letting us know!"), Duration.ofHours(24), 1,
                List.of(new Step("solved", QuestionType.YES_NO,
                                LocalizedText.of("您的问题解决了吗？请回复“是”或“否”。",
                                        "Was your problem solved? Please reply yes or no."),
                                null, List.of(), false, List.of(), null),
                        new Step("handling", QuestionType.CSAT,
                                LocalizedText.of("您对这次人工服务满意吗？请回复 1 到 5（5 = 非常满意），不想评价可回复“跳过”。",
                                        "How satisfied are you with how our team handled it? Reply 1 to 5 (5 = very satisfied), or \"skip\"."),
                                null, List.of(), true, List.of(), null)),
                Map.of());
    }
}
