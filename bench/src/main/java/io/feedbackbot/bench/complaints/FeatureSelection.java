package io.feedbackbot.bench.complaints;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.feedbackbot.opennlp.evaluation.ComplaintEvaluator;
import io.feedbackbot.opennlp.evaluation.ConfusionMatrix;
import io.feedbackbot.opennlp.features.FeatureSettings;
import io.feedbackbot.opennlp.features.Lexicons;
import io.feedbackbot.opennlp.model.TrainingSettings;
import io.feedbackbot.opennlp.training.ComplaintTrainer;
import io.feedbackbot.opennlp.training.LabeledText;

/**
 * How the default {@link TrainingSettings} were chosen: k-fold cross-validation on {@code train.tsv} only (never
 * {@code test.tsv}) of the baseline, the full feature set, one-family-out ablations and a few regularisation
 * strengths. Prints a markdown table of macro F1 per configuration and set.
 *
 * <p>Usage: {@code FeatureSelection [DATASETS_DIR] [FOLDS] [SET,SET...]}
 */
public final class FeatureSelection {

    private FeatureSelection() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/datasets");
        int folds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<String> sets = args.length > 2 ? List.of(args[2].split(",")) : List.of("complaints_en", "waimai_10k_zh");
        Map<String, List<LabeledText>> data = new LinkedHashMap<>();
        for (String s : sets) {
            PublicDataset d = new PublicDataset(s, dir.resolve(s));
            if (!d.exists()) {
                System.out.println("skipped: " + d.folder() + " not found");
                return;
            }
            data.put(s, d.train());
        }
        System.out.println("| configuration | " + String.join(" | ", sets) + " |");
        System.out.println("|---|" + "---:|".repeat(sets.size()));
        for (Map.Entry<String, TrainingSettings> c : configurations().entrySet()) {
            List<String> cells = new ArrayList<>();
            for (List<LabeledText> rows : data.values()) {
                long t0 = System.nanoTime();
                ConfusionMatrix m = ComplaintEvaluator.crossValidate(rows, folds, new ComplaintTrainer(c.getValue(), Lexicons.shipped()));
                cells.add(String.format(Locale.ROOT, "%.4f (%ds)", m.macroF1(), (System.nanoTime() - t0) / 1_000_000_000L));
            }
            System.out.println("| " + c.getKey() + " | " + String.join(" | ", cells) + " |");
        }
    }

    static Map<String, TrainingSettings> configurations() {
        String only = System.getProperty("configs", "");
        FeatureSettings all = FeatureSettings.DEFAULT;
        TrainingSettings qn = TrainingSettings.DEFAULT;
        Map<String, TrainingSettings> c = new LinkedHashMap<>();
        c.put("naive Bayes, n-grams only", qn.withFeatures(FeatureSettings.NGRAMS_ONLY).withAlgorithm("NAIVEBAYES", 0, 0));
        c.put("QN, n-grams only", qn.withFeatures(FeatureSettings.NGRAMS_ONLY));
        c.put("QN, all features (default)", qn);
        c.put("naive Bayes, all features", qn.withAlgorithm("NAIVEBAYES", 0, 0));
        c.put("GIS, all features", qn.withAlgorithm("MAXENT", 0, 0));
        c.put("QN l2=0.5", qn.withAlgorithm("MAXENT_QN", 0, 0.5));
        c.put("QN l2=1", qn.withAlgorithm("MAXENT_QN", 0, 1));
        c.put("QN l2=5", qn.withAlgorithm("MAXENT_QN", 0, 5));
        c.put("QN l1=0.1 l2=2", qn.withAlgorithm("MAXENT_QN", 0.1, 2));
        c.put("QN cutoff=2", qn.withCutoff(2));
        c.put("- word bigrams", qn.withFeatures(all.with("wordBigrams", false)));
        c.put("- start marker", qn.withFeatures(all.with("startMarker", false)));
        c.put("Han 1-grams only", qn.withFeatures(all.with("hanMaxN", 1)));
        c.put("Han up to 3-grams", qn.withFeatures(all.with("hanMaxN", 3)));
        c.put("- negation", qn.withFeatures(all.with("negation", false)));
        c.put("- intensifiers", qn.withFeatures(all.with("intensifiers", false)));
        c.put("- marks", qn.withFeatures(all.with("marks", false)));
        c.put("- emoji", qn.withFeatures(all.with("emoji", false)));
        c.put("- lexicons", qn.withFeatures(all.with("lexicons", false)));
        c.put("- caps", qn.withFeatures(all.with("caps", false)));
        c.put("- length bucket", qn.withFeatures(all.with("lengthBucket", false)));
        c.put("- binary (count repeats)", qn.withFeatures(all.with("binary", false)));
        c.put("Han up to 3-grams, QN cutoff=2", qn.withFeatures(all.with("hanMaxN", 3)).withCutoff(2));
        c.put("Han up to 3-grams, l2=5", qn.withFeatures(all.with("hanMaxN", 3)).withAlgorithm("MAXENT_QN", 0, 5));
        if (!only.isEmpty()) {
            List<String> wanted = List.of(only.split(";"));
            c.keySet().removeIf(k -> wanted.stream().noneMatch(k::startsWith));
        }
        return c;
    }
}
