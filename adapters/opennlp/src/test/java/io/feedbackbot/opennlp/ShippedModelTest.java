package io.feedbackbot.opennlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.feedbackbot.core.classify.ComplaintAssessment;
import io.feedbackbot.core.conversation.Language;
import io.feedbackbot.opennlp.model.ComplaintModelFile;
import io.feedbackbot.opennlp.training.ShippedCorpus;

class ShippedModelTest {

    private static final OpenNlpComplaintClassifier SHIPPED = OpenNlpComplaintClassifier.shipped();

    private static ComplaintAssessment assess(String text) {
        return SHIPPED.assess(text, Language.detect(text).orElse(Language.EN));
    }

    @Test
    void theShippedModelWasTrainedOnTheCurrentCorpusAndLexicons() {
        assertEquals(ShippedCorpus.sha256(), SHIPPED.model().info().getProperty("info.corpus.sha256"),
                "the corpus or the lexicons changed since " + ComplaintModelFile.SHIPPED_RESOURCE + " was built; rebuild it with "
                        + "./mvnw -B -q -pl adapters/opennlp -am -Pretrain-complaint-model process-classes");
    }

    @ParameterizedTest(name = "[{index}] {0} is a {1} complaint")
    @CsvSource(delimiter = '|', textBlock = """
            外卖送到都凉了，还少了一份饭                 | delivery
            @bank charged me twice and nobody answers  | price_billing
            """)
    void theIssueExamplesAreComplaintsWithSensibleCategoryAndEvidence(String text, String category) {
        ComplaintAssessment a = assess(text);
        assertTrue(a.probability() >= 0.5, () -> "probability " + a.probability());
        assertEquals(category, a.category());
        assertFalse(a.evidence().isEmpty());
        a.evidence().forEach(phrase -> assertTrue(text.contains(phrase), phrase));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"谢谢，很好吃，下次还来", "Thanks, the delivery was quick!", "几点开门？", "How do I change my address?",
            "服务很周到，点赞👍", "Great job, love the new app"})
    void clearNonComplaintsAreNotFlagged(String text) {
        ComplaintAssessment a = assess(text);
        assertTrue(a.probability() < 0.5, () -> text + " scored " + a.probability());
    }

    @Test
    void theShippedModelHasACategoryModel() {
        assertTrue(SHIPPED.model().categoryDoccat().isPresent());
    }
}
