package io.feedbackbot.opennlp.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.feedbackbot.opennlp.training.ComplaintTrainer;
import io.feedbackbot.opennlp.training.LabeledText;
import io.feedbackbot.opennlp.training.SmallCorpus;

class ComplaintEvaluatorTest {

    @Test
    void stratifiedFoldsSplitEachLabelEvenlyAndKeepEveryRowOnce() {
        List<LabeledText> rows = SmallCorpus.rows();
        List<List<LabeledText>> folds = ComplaintEvaluator.stratifiedFolds(rows, 4, ComplaintEvaluator.SEED);
        assertEquals(rows.size(), folds.stream().mapToInt(List::size).sum());
        assertEquals(rows.size(), folds.stream().flatMap(List::stream).distinct().count());
        for (List<LabeledText> fold : folds) {
            assertEquals(3, fold.stream().filter(LabeledText::isComplaint).count());
        }
    }

    @Test
    void theSameSeedGivesTheSameFolds() {
        assertEquals(ComplaintEvaluator.stratifiedFolds(SmallCorpus.rows(), 3, 7),
                ComplaintEvaluator.stratifiedFolds(SmallCorpus.rows(), 3, 7));
    }

    @Test
    void crossValidationScoresEveryRowOnce() {
        ConfusionMatrix m = ComplaintEvaluator.crossValidate(SmallCorpus.rows(), 3, ComplaintTrainer.withDefaults());
        assertEquals(SmallCorpus.rows().size(), m.total());
    }

    @Test
    void aRowCountsAsComplaintFromProbabilityOneHalf() {
        List<LabeledText> rows = SmallCorpus.rows();
        ConfusionMatrix all = ComplaintEvaluator.score(text -> 0.5, rows);
        assertEquals(1.0, all.recall("complaint"));
        assertTrue(all.precision("complaint") < 1.0);
    }
}
