package io.feedbackbot.bench.complaints;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import io.feedbackbot.opennlp.evaluation.ComplaintEvaluator;
import io.feedbackbot.opennlp.evaluation.ConfusionMatrix;
import io.feedbackbot.opennlp.model.ComplaintModel;
import io.feedbackbot.opennlp.model.ComplaintModelFile;
import io.feedbackbot.opennlp.training.ComplaintTrainer;
import io.feedbackbot.opennlp.training.LabeledText;

/**
 * The complaint-detection evaluation on the public sets of {@code shared/datasets}, printed as the markdown table of
 * bench/COMPLAINTS.md: (1) the training pipeline trained on each {@code train.tsv} and scored on its
 * {@code test.tsv}, plus the in-domain and cross-domain variants the datasets README asks for; (2) 10-fold
 * cross-validation on complaints_en, the protocol of the published results; (3) the shipped model, which never saw
 * these sets, on every {@code test.tsv}. Skips with a message when the folder is absent.
 *
 * <p>Usage: {@code ComplaintEvaluation [DATASETS_DIR]} (default {@code ../shared/datasets}).
 */
public final class ComplaintEvaluation {

    private record Row(String protocol, String data, int trainRows, int testRows, ConfusionMatrix m, long seconds) {
    }

    private final Path dir;
    private final List<Row> rows = new ArrayList<>();

    private ComplaintEvaluation(Path dir) {
        this.dir = dir;
    }

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/datasets");
        if (!Files.isDirectory(dir)) {
            System.out.println("skipped: no datasets folder at " + dir.toAbsolutePath().normalize()
                    + " (pass its path as the first argument)");
            return;
        }
        new ComplaintEvaluation(dir).run();
    }

    private PublicDataset set(String name) {
        return new PublicDataset(name, dir.resolve(name));
    }

    private void run() {
        ComplaintTrainer trainer = ComplaintTrainer.withDefaults();
        for (String name : PublicDataset.NAMES) {
            PublicDataset d = set(name);
            if (!d.exists()) {
                System.out.println("skipped " + name + ": not found under " + dir);
                continue;
            }
            trainTest("1. train → test", name, d.train(), d.test(), trainer);
            if (name.equals("complaints_en")) {
                trainTest("1. train → test", name + " in-domain (no random tweets)",
                        d.filtered("train", PublicDataset::inDomain), d.filtered("test", PublicDataset::inDomain), trainer);
            }
        }
        if (set("waimai_10k_zh").exists() && set("chnsenticorp_htl_zh").exists()) {
            trainTest("1x. cross-domain", "waimai_10k_zh train → chnsenticorp_htl_zh test", set("waimai_10k_zh").train(),
                    set("chnsenticorp_htl_zh").test(), trainer);
        }
        if (set("complaints_en").exists() && set("uva_complaints_en").exists()) {
            trainTest("1x. cross-domain", "complaints_en train → uva_complaints_en test", set("complaints_en").train(),
                    set("uva_complaints_en").test(), trainer);
        }
        PublicDataset complaints = set("complaints_en");
        if (complaints.exists()) {
            List<LabeledText> all = concat(complaints.train(), complaints.test());
            crossValidate("2. 10-fold CV", "complaints_en (all 3,448)", all, trainer);
            List<LabeledText> inDomain = concat(complaints.filtered("train", PublicDataset::inDomain),
                    complaints.filtered("test", PublicDataset::inDomain));
            crossValidate("2. 10-fold CV", "complaints_en in-domain", inDomain, trainer);
        }
        ComplaintModel shipped = ComplaintModelFile.loadShipped();
        String shippedRows = shipped.info().getProperty("info.rows", "?");
        for (String name : PublicDataset.NAMES) {
            PublicDataset d = set(name);
            if (d.exists()) {
                shippedOn(name, shipped, d.test(), shippedRows);
                if (name.equals("complaints_en")) {
                    shippedOn(name + " in-domain", shipped, d.filtered("test", PublicDataset::inDomain), shippedRows);
                }
            }
        }
        print();
    }

    private void trainTest(String protocol, String data, List<LabeledText> train, List<LabeledText> test, ComplaintTrainer trainer) {
        timed(protocol, data, train.size(), test.size(), () -> ComplaintEvaluator.score(trainer.train(train), test));
    }

    private void crossValidate(String protocol, String data, List<LabeledText> all, ComplaintTrainer trainer) {
        timed(protocol, data, all.size(), all.size(), () -> ComplaintEvaluator.crossValidate(all, 10, trainer));
    }

    private void shippedOn(String data, ComplaintModel shipped, List<LabeledText> test, String shippedRows) {
        timed("3. shipped model", data, Integer.parseInt(shippedRows), test.size(), () -> ComplaintEvaluator.score(shipped, test));
    }

    private void timed(String protocol, String data, int trainRows, int testRows, Supplier<ConfusionMatrix> work) {
        long t0 = System.nanoTime();
        ConfusionMatrix m = work.get();
        Row row = new Row(protocol, data, trainRows, testRows, m, (System.nanoTime() - t0) / 1_000_000_000L);
        rows.add(row);
        System.err.println(format(row));
    }

    private void print() {
        System.out.println("| protocol | data | train rows | scored rows | accuracy | macro F1 | complaint P / R | time |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|");
        rows.forEach(r -> System.out.println(format(r)));
    }

    private static String format(Row r) {
        return String.format(Locale.ROOT, "| %s | %s | %,d | %,d | %.1f | **%.1f** | %.1f / %.1f | %ds |", r.protocol, r.data,
                r.trainRows, r.testRows, 100 * r.m.accuracy(), 100 * r.m.macroF1(), 100 * r.m.precision("complaint"),
                100 * r.m.recall("complaint"), r.seconds);
    }

    private static List<LabeledText> concat(List<LabeledText> a, List<LabeledText> b) {
        List<LabeledText> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
