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
import io.feedbackbot.opennlp.model.ComplaintModel;
import io.feedbackbot.opennlp.model.TrainingSettings;
import io.feedbackbot.opennlp.training.ComplaintTrainer;
import io.feedbackbot.opennlp.training.LabeledText;
import io.feedbackbot.opennlp.training.ShippedCorpus;

/**
 * How the settings of the shipped model were chosen: each configuration is trained on the project corpus only and
 * scored by 10-fold cross-validation on the corpus and on the public {@code train.tsv} files used as development
 * sets. The {@code test.tsv} files are never read here; they are for the report only.
 *
 * <p>Usage: {@code ShippedSelection [DATASETS_DIR]}
 */
public final class ShippedSelection {

    private ShippedSelection() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/datasets");
        List<LabeledText> corpus = ShippedCorpus.rows();
        Map<String, List<LabeledText>> dev = new LinkedHashMap<>();
        for (String name : PublicDataset.NAMES) {
            PublicDataset d = new PublicDataset(name, dir.resolve(name));
            if (d.exists()) {
                dev.put(name, d.train());
            }
        }
        System.out.println("| configuration | corpus 10-fold CV | " + String.join(" | ", dev.keySet()) + " |");
        System.out.println("|---|---:|" + "---:|".repeat(dev.size()));
        for (Map.Entry<String, TrainingSettings> c : configurations().entrySet()) {
            ComplaintTrainer trainer = new ComplaintTrainer(c.getValue(), Lexicons.shipped());
            List<String> cells = new ArrayList<>();
            cells.add(cell(ComplaintEvaluator.crossValidate(corpus, 10, trainer)));
            ComplaintModel model = trainer.train(corpus);
            dev.values().forEach(rows -> cells.add(cell(ComplaintEvaluator.score(model, rows))));
            System.out.println("| " + c.getKey() + " | " + String.join(" | ", cells) + " |");
        }
    }

    /** Macro F1; with {@code -Ddetail=true} also complaint precision / recall, to see which way a set leans. */
    private static String cell(ConfusionMatrix m) {
        String f1 = f1(m.macroF1());
        if (!Boolean.getBoolean("detail")) {
            return f1;
        }
        return String.format(Locale.ROOT, "%s (%.1f / %.1f)", f1, 100 * m.precision("complaint"), 100 * m.recall("complaint"));
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    static Map<String, TrainingSettings> configurations() {
        String only = System.getProperty("configs", "");
        FeatureSettings all = FeatureSettings.DEFAULT;
        TrainingSettings qn = TrainingSettings.DEFAULT;
        Map<String, TrainingSettings> c = new LinkedHashMap<>();
        TrainingSettings shipped = TrainingSettings.SHIPPED;
        c.put("shipped", shipped);
        c.put("shipped, l2=5", shipped.withAlgorithm("MAXENT_QN", 0, 5));
        c.put("shipped, l2=20", shipped.withAlgorithm("MAXENT_QN", 0, 20));
        c.put("pipeline default", qn);
        c.put("- length bucket", qn.withFeatures(all.with("lengthBucket", false)));
        c.put("- lexicons", qn.withFeatures(all.with("lexicons", false)));
        c.put("- length bucket, - start marker", qn.withFeatures(all.with("lengthBucket", false).with("startMarker", false)));
        c.put("- length bucket, l2=0.5", qn.withFeatures(all.with("lengthBucket", false)).withAlgorithm("MAXENT_QN", 0, 0.5));
        c.put("- length bucket, l2=5", qn.withFeatures(all.with("lengthBucket", false)).withAlgorithm("MAXENT_QN", 0, 5));
        c.put("- length bucket, l2=10", qn.withFeatures(all.with("lengthBucket", false)).withAlgorithm("MAXENT_QN", 0, 10));
        c.put("- length bucket, Han 1-grams", qn.withFeatures(all.with("lengthBucket", false).with("hanMaxN", 1)));
        c.put("- length bucket, naive Bayes", qn.withFeatures(all.with("lengthBucket", false)).withAlgorithm("NAIVEBAYES", 0, 0));
        if (!only.isEmpty()) {
            List<String> wanted = List.of(only.split(";"));
            c.keySet().removeIf(k -> wanted.stream().noneMatch(k::equals));
        }
        return c;
    }
}
