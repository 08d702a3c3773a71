package io.feedbackbot.opennlp.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    /**
     * 10 complaints: 8 found, 2 missed. 20 others: 4 wrongly flagged, 16 right.
     * complaint: P = 8/12, R = 8/10, F1 = 2*(2/3)*(4/5)/((2/3)+(4/5)) = 8/11.
     * not_complaint: P = 16/18, R = 16/20, F1 = 2*(8/9)*(4/5)/((8/9)+(4/5)) = 16/19.
     */
    private static final ConfusionMatrix HAND_COUNTED = new ConfusionMatrix(List.of("complaint", "not_complaint"),
            new long[][] {{8, 2}, {4, 16}});

    @Test
    void precisionRecallAndF1MatchTheHandComputedValues() {
        assertEquals(8.0 / 12, HAND_COUNTED.precision("complaint"), 1e-12);
        assertEquals(8.0 / 10, HAND_COUNTED.recall("complaint"), 1e-12);
        assertEquals(8.0 / 11, HAND_COUNTED.f1("complaint"), 1e-12);
        assertEquals(16.0 / 18, HAND_COUNTED.precision("not_complaint"), 1e-12);
        assertEquals(16.0 / 20, HAND_COUNTED.recall("not_complaint"), 1e-12);
        assertEquals(16.0 / 19, HAND_COUNTED.f1("not_complaint"), 1e-12);
    }

    @Test
    void accuracyAndMacroF1MatchTheHandComputedValues() {
        assertEquals(24.0 / 30, HAND_COUNTED.accuracy(), 1e-12);
        assertEquals((8.0 / 11 + 16.0 / 19) / 2, HAND_COUNTED.macroF1(), 1e-12);
    }

    @Test
    void aClassNeverPredictedHasZeroPrecisionNotNaN() {
        ConfusionMatrix majority = new ConfusionMatrix(List.of("complaint", "not_complaint"), new long[][] {{0, 5}, {0, 5}});
        assertEquals(0.0, majority.precision("complaint"));
        assertEquals(0.0, majority.f1("complaint"));
        assertEquals(0.5, majority.accuracy());
    }

    @Test
    void addingMatricesAddsTheirCounts() {
        ConfusionMatrix sum = HAND_COUNTED.plus(HAND_COUNTED).plus("complaint", "complaint");
        assertEquals(17, sum.count("complaint", "complaint"));
        assertEquals(61, sum.total());
    }

    @Test
    void theReportEndsWithTheLineScriptsRead() {
        String report = new EvaluationReport("hand counted", HAND_COUNTED).format();
        assertTrue(report.strip().endsWith("macro_f1=0.785"), report);
        assertTrue(report.contains("accuracy  0.8000"), report);
    }
}
