package io.feedbackbot.bench.complaints;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.feedbackbot.opennlp.category.CategoryChooser;
import io.feedbackbot.opennlp.evaluation.ComplaintEvaluator;
import io.feedbackbot.opennlp.evaluation.ConfusionMatrix;
import io.feedbackbot.opennlp.features.Feature;
import io.feedbackbot.opennlp.model.ComplaintModel;
import io.feedbackbot.opennlp.training.ComplaintTrainer;
import io.feedbackbot.opennlp.training.LabeledText;
import io.feedbackbot.opennlp.training.LabeledTextReader;
import io.feedbackbot.opennlp.training.ShippedCorpus;

/**
 * How the category is chosen: 10-fold cross-validation on the project corpus (the only data with categories) of
 * the category model alone, the lexicons alone, and the model with the lexicons as fallback; plus complaint
 * detection on the corpus itself. Trains as the shipped model is trained. Reads the shipped corpus, or the TSV files given as arguments.
 */
public final class CategorySelection {

    private CategorySelection() {
    }

    public static void main(String[] args) {
        List<LabeledText> rows = new ArrayList<>();
        if (args.length == 0) {
            rows.addAll(ShippedCorpus.rows());
        } else {
            for (String a : args) {
                rows.addAll(LabeledTextReader.read(Path.of(a)));
            }
        }
        ComplaintTrainer trainer = ComplaintTrainer.forShippedCorpus();
        CategoryChooser chooser = new CategoryChooser(CategoryChooser.DEFAULT_CATEGORIES);
        List<List<LabeledText>> folds = ComplaintEvaluator.stratifiedFolds(rows, 10, ComplaintEvaluator.SEED);
        int total = 0;
        int modelRight = 0;
        int lexiconRight = 0;
        int combinedRight = 0;
        int firstRight = 0;
        double[] bonuses = {0.5, 1, 2, 4};
        int[] boostedRight = new int[bonuses.length];
        ConfusionMatrix complaint = ConfusionMatrix.empty(ComplaintEvaluator.LABELS);
        for (int k = 0; k < folds.size(); k++) {
            List<LabeledText> train = new ArrayList<>();
            for (int j = 0; j < folds.size(); j++) {
                if (j != k) {
                    train.addAll(folds.get(j));
                }
            }
            ComplaintModel model = trainer.train(train);
            complaint = complaint.plus(ComplaintEvaluator.score(model, folds.get(k)));
            for (LabeledText row : folds.get(k)) {
                if (row.category() == null) {
                    continue;
                }
                List<Feature> features = model.extractor().extract(row.text());
                Optional<String> predicted = model.bestCategory(model.extractor().names(features));
                total++;
                modelRight += predicted.orElse("other").equals(row.category()) ? 1 : 0;
                lexiconRight += chooser.fromLexicon(features).equals(row.category()) ? 1 : 0;
                combinedRight += chooser.choose(predicted, features).equals(row.category()) ? 1 : 0;
                Optional<String> first = chooser.firstLexiconHit(features);
                firstRight += first.orElse("other").equals(row.category()) ? 1 : 0;
                java.util.Map<String, Double> p = model.categoryProbabilities(model.extractor().names(features));
                for (int b = 0; b < bonuses.length; b++) {
                    String best = "other";
                    double bestScore = Double.NEGATIVE_INFINITY;
                    for (java.util.Map.Entry<String, Double> e : p.entrySet()) {
                        double score = Math.log(e.getValue()) + (first.isPresent() && first.get().equals(e.getKey()) ? bonuses[b] : 0);
                        if (score > bestScore) {
                            bestScore = score;
                            best = e.getKey();
                        }
                    }
                    boostedRight[b] += best.equals(row.category()) ? 1 : 0;
                }
            }
        }
        System.out.printf(Locale.ROOT, "complaint detection, 10-fold CV on %d corpus rows: accuracy %.3f, macro F1 %.3f%n",
                rows.size(), complaint.accuracy(), complaint.macroF1());
        System.out.printf(Locale.ROOT, "category accuracy on %d complaint rows: model %.3f, lexicons %.3f, model then lexicons %.3f%n",
                total, (double) modelRight / total, (double) lexiconRight / total, (double) combinedRight / total);
        System.out.printf(Locale.ROOT, "first lexicon hit %.3f%n", (double) firstRight / total);
        for (int b = 0; b < bonuses.length; b++) {
            System.out.printf(Locale.ROOT, "model log-probability + %.1f for the first lexicon hit: %.3f%n", bonuses[b],
                    (double) boostedRight[b] / total);
        }
    }
}
