package io.feedbackbot.reports.aggregate;

import io.feedbackbot.core.answer.AnswerRecord;
import io.feedbackbot.core.answer.AnswerStatus;
import io.feedbackbot.core.answer.SurveyEvent;
import io.feedbackbot.core.conversation.ConversationKey;
import io.feedbackbot.core.conversation.Language;
import io.feedbackbot.core.conversation.SurveyStatus;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Builds answers and milestones for tests, each with a fresh stream id. */
public final class Answers {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private Answers() {
    }

    public static Stored<AnswerRecord> nps(String invitation, int score, String store, String at) {
        return rating(invitation, "recommend", "nps", "0-10", score, Map.of("store", store, "touchpoint", "delivery"), at);
    }

    public static Stored<AnswerRecord> rating(String invitation, String question, String type, String scale, int score,
                                              Map<String, String> context, String at) {
        return stored(new AnswerRecord(AnswerRecord.idFor(invitation, question), "s1", invitation, null, question, type,
                scale, Integer.toString(score), score, AnswerStatus.ANSWERED, Integer.toString(score), Language.ZH_CN,
                new ConversationKey("webchat", "demo", "c-" + invitation), context, null, Instant.parse(at), null, null));
    }

    public static Stored<AnswerRecord> text(String invitation, String text, Double complaint, String at) {
        return stored(new AnswerRecord(AnswerRecord.idFor(invitation, "why"), "s1", invitation, null, "why", "text",
                null, text, null, AnswerStatus.ANSWERED, text, Language.ZH_CN,
                new ConversationKey("webchat", "demo", "c-" + invitation), Map.of("store", "SH-1"), null,
                Instant.parse(at), complaint, complaint == null ? null : "delivery"));
    }

    public static Stored<AnswerRecord> unanswered(String invitation, String at) {
        return stored(new AnswerRecord(AnswerRecord.idFor(invitation, "recommend"), "s1", invitation, null, "recommend",
                "nps", "0-10", null, null, AnswerStatus.NO_ANSWER, "嗯", Language.ZH_CN,
                new ConversationKey("webchat", "demo", "c-" + invitation), Map.of(), null, Instant.parse(at), null, null));
    }

    public static Stored<SurveyEvent> started(String invitation, String store, String at) {
        return stored(new SurveyEvent(SurveyEvent.Type.STARTED, "s1", invitation, "camp-1",
                new ConversationKey("sms", "cn", "c-" + invitation), null, Map.of("store", store), Instant.parse(at)));
    }

    public static Stored<SurveyEvent> ended(String invitation, SurveyStatus status, String store, String at) {
        return stored(new SurveyEvent(SurveyEvent.Type.ENDED, "s1", invitation, "camp-1",
                new ConversationKey("sms", "cn", "c-" + invitation), status, Map.of("store", store), Instant.parse(at)));
    }

    private static <T> Stored<T> stored(T value) {
        return new Stored<>("1-" + SEQUENCE.incrementAndGet(), value);
    }
}
