package io.feedbackbot.opennlp.evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;

import io.feedbackbot.opennlp.model.ComplaintModel;
import io.feedbackbot.opennlp.training.ComplaintTrainer;
import io.feedbackbot.opennlp.training.Label;
import io.feedbackbot.opennlp.training.LabeledText;

/**
 * Scores complaint detection on labelled rows: a message counts as a complaint when its probability is at least
 * 0.5. Also runs stratified k-fold cross-validation of a training pipeline with a fixed seed, so a run can be
 * repeated exactly. Stateless.
 */
public final class ComplaintEvaluator {

    /** The labels of every complaint report, complaint first. */
    public static final List<String> LABELS = List.of(Label.COMPLAINT.tag(), Label.NOT_COMPLAINT.tag());

    /** The seed of every cross-validation we report. */
    public static final long SEED = 20190701L;

    public static final double THRESHOLD = 0.5;

    private ComplaintEvaluator() {
    }

    public static ConfusionMatrix score(ComplaintModel model, List<LabeledText> rows) {
        return score(text -> model.complaintProbability(model.extractor().names(text)), rows);
    }

    /** Scores any probability function, for example a classifier's {@code assess(..).probability()}. */
    public static ConfusionMatrix score(ToDoubleFunction<String> probability, List<LabeledText> rows) {
        long[][] counts = new long[2][2];
        for (LabeledText row : rows) {
            int gold = row.isComplaint() ? 0 : 1;
            int predicted = probability.applyAsDouble(row.text()) >= THRESHOLD ? 0 : 1;
            counts[gold][predicted]++;
        }
        return new ConfusionMatrix(LABELS, counts);
    }

    /**
     * Stratified k-fold cross-validation: each fold holds about 1/k of the complaints and 1/k of the rest; every row
     * is scored once by a model trained on the other folds. Returns the pooled confusion matrix.
     */
    public static ConfusionMatrix crossValidate(List<LabeledText> rows, int folds, ComplaintTrainer trainer) {
        List<List<LabeledText>> parts = stratifiedFolds(rows, folds, SEED);
        ConfusionMatrix total = ConfusionMatrix.empty(LABELS);
        for (int k = 0; k < folds; k++) {
            List<LabeledText> train = new ArrayList<>(rows.size());
            for (int j = 0; j < folds; j++) {
                if (j != k) {
                    train.addAll(parts.get(j));
                }
            }
            total = total.plus(score(trainer.train(train), parts.get(k)));
        }
        return total;
    }

    /** Splits rows into {@code folds} parts, each label shuffled with {@code seed} and dealt round-robin. */
    public static List<List<LabeledText>> stratifiedFolds(List<LabeledText> rows, int folds, long seed) {
        if (folds < 2 || folds > rows.size()) {
            throw new IllegalArgumentException("folds must be between 2 and the number of rows (" + rows.size() + "): " + folds);
        }
        List<List<LabeledText>> parts = new ArrayList<>();
        for (int k = 0; k < folds; k++) {
            parts.add(new ArrayList<>());
        }
        Random random = new Random(seed);
        int next = 0;
        for (Label label : Label.values()) {
            List<LabeledText> ofLabel = new ArrayList<>(rows.stream().filter(r -> r.label() == label).toList());
            Collections.shuffle(ofLabel, random);
            for (LabeledText row : ofLabel) {
                parts.get(next).add(row);
                next = (next + 1) % folds;
            }
        }
        return parts;
    }
}
