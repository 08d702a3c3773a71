package io.feedbackbot.opennlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.feedbackbot.core.classify.ComplaintAssessment;
import io.feedbackbot.core.conversation.Language;
import io.feedbackbot.opennlp.category.CategoryChooser;
import io.feedbackbot.opennlp.model.ComplaintModel;
import io.feedbackbot.opennlp.training.ComplaintTrainer;
import io.feedbackbot.opennlp.training.SmallCorpus;

class OpenNlpComplaintClassifierTest {

    private static final ComplaintModel MODEL = ComplaintTrainer.withDefaults().train(SmallCorpus.rows());
    private static final OpenNlpComplaintClassifier CLASSIFIER =
            new OpenNlpComplaintClassifier(MODEL, CategoryChooser.DEFAULT_CATEGORIES);

    private static final List<String> MESSAGES = List.of("the driver never came and nobody answers", "谢谢，很好吃",
            "重复扣费了", "app 闪退", "love it", "送到都凉了😡", "I WANT A REFUND!!!", "?", "客服态度差");

    @Test
    void manyThreadsGetTheSameAnswersAsOne() throws Exception {
        List<ComplaintAssessment> expected = MESSAGES.stream().map(m -> CLASSIFIER.assess(m, Language.EN)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<List<ComplaintAssessment>>> jobs = new ArrayList<>();
            for (int t = 0; t < 32; t++) {
                jobs.add(() -> {
                    List<ComplaintAssessment> last = null;
                    for (int round = 0; round < 200; round++) {
                        last = MESSAGES.stream().map(m -> CLASSIFIER.assess(m, Language.EN)).toList();
                        if (!last.equals(expected)) {
                            return last;
                        }
                    }
                    return last;
                });
            }
            for (Future<List<ComplaintAssessment>> f : pool.invokeAll(jobs)) {
                assertEquals(expected, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void evidenceIsTakenFromTheMessageItself() {
        String text = "you charged me twice and the app keeps crashing";
        ComplaintAssessment a = CLASSIFIER.assess(text, Language.EN);
        assertFalse(a.evidence().isEmpty());
        a.evidence().forEach(phrase -> assertTrue(text.contains(phrase), phrase));
    }

    @Test
    void blankOrMissingTextIsNoComplaint() {
        assertEquals(ComplaintAssessment.NONE, CLASSIFIER.assess("  ", Language.ZH_CN));
        assertEquals(ComplaintAssessment.NONE, CLASSIFIER.assess(null, Language.EN));
    }

    @Test
    void oddTextNeverThrows() {
        for (String odd : List.of("\uD83D", "\u0000\u0001", "💩".repeat(5000), "a\tb\nc", "١٢٣", "ℌ𝔢𝔩𝔩𝔬")) {
            ComplaintAssessment a = CLASSIFIER.assess(odd, Language.EN);
            assertTrue(a.probability() >= 0 && a.probability() <= 1);
        }
    }

    @Test
    void aCategoryOutsideTheConfiguredListBecomesTheFallback() {
        OpenNlpComplaintClassifier narrow = new OpenNlpComplaintClassifier(MODEL, List.of("delivery", "other"));
        assertEquals("other", narrow.assess("you charged me twice, refund", Language.EN).category());
        assertEquals("delivery", narrow.assess("外卖送得太慢了，饭都凉了", Language.ZH_CN).category());
    }

    @Test
    void clearComplaintsScoreHigherThanThanks() {
        double complaint = CLASSIFIER.assess("the driver never came, still waiting, nobody answers", Language.EN).probability();
        double thanks = CLASSIFIER.assess("thanks, great service", Language.EN).probability();
        assertTrue(complaint > 0.5 && thanks < 0.5, complaint + " / " + thanks);
    }
}
