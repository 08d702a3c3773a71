package io.feedbackbot.opennlp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

import io.feedbackbot.opennlp.evaluation.ComplaintEvaluator;
import io.feedbackbot.opennlp.evaluation.EvaluationReport;
import io.feedbackbot.opennlp.model.ComplaintModel;
import io.feedbackbot.opennlp.model.ComplaintModelFile;
import io.feedbackbot.opennlp.training.ComplaintTrainer;
import io.feedbackbot.opennlp.training.LabeledText;
import io.feedbackbot.opennlp.training.LabeledTextReader;
import io.feedbackbot.opennlp.training.ShippedCorpus;

/**
 * What the {@code complaints train} and {@code complaints eval} commands do, as plain calls for the CLI in
 * {@code server}: read TSV files, train and save a model, score a model, cross-validate the training pipeline. Errors
 * in the data surface as {@link io.feedbackbot.opennlp.training.MalformedTsvException} (file and line) or
 * {@link IllegalArgumentException}; nothing here prints.
 */
public final class ComplaintCommands {

    private ComplaintCommands() {
    }

    /**
     * {@code complaints train --data FILE.tsv [--data MORE.tsv] [--with-shipped-corpus] --out model.bin}: trains on the
     * files (for example agent-label exports), optionally together with the shipped corpus, and saves the model.
     * With the shipped corpus it trains as the shipped model is trained ({@link ComplaintTrainer#forShippedCorpus}),
     * otherwise with the pipeline defaults evaluated on the public sets ({@link ComplaintTrainer#withDefaults}).
     *
     * @return one line describing what was trained
     */
    public static String train(List<Path> data, boolean withShippedCorpus, Path out) {
        List<LabeledText> rows = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        if (withShippedCorpus) {
            rows.addAll(ShippedCorpus.rows());
            sources.add("shipped corpus");
        }
        for (Path file : data) {
            rows.addAll(LabeledTextReader.read(file));
            sources.add(file.getFileName().toString());
        }
        Properties info = new Properties();
        info.setProperty("info.source", String.join(" + ", sources));
        ComplaintTrainer trainer = withShippedCorpus ? ComplaintTrainer.forShippedCorpus() : ComplaintTrainer.withDefaults();
        ComplaintModel model = trainer.train(rows, info);
        ComplaintModelFile.save(model, out);
        long complaints = rows.stream().filter(LabeledText::isComplaint).count();
        return String.format(Locale.ROOT, "trained on %d rows (%d complaint) from %s; wrote %s", rows.size(), complaints,
                String.join(" + ", sources), out);
    }

    /**
     * {@code complaints eval [--model model.bin] --data FILE.tsv}: scores a model file, or, when {@code model} is
     * empty, the shipped model. The server's configured operator model should be passed as {@code model}.
     */
    public static EvaluationReport evaluate(Optional<Path> model, Path data) {
        ComplaintModel m = model.map(ComplaintModelFile::load).orElseGet(ComplaintModelFile::loadShipped);
        String name = model.map(Path::toString).orElse("shipped model");
        return new EvaluationReport("model " + name + " on " + data,
                ComplaintEvaluator.score(m, LabeledTextReader.read(data)));
    }

    /** {@code complaints eval --data FILE.tsv --cv 10}: stratified k-fold cross-validation of the training pipeline. */
    public static EvaluationReport crossValidate(Path data, int folds) {
        return new EvaluationReport(folds + "-fold stratified cross-validation (seed " + ComplaintEvaluator.SEED + ") on " + data,
                ComplaintEvaluator.crossValidate(LabeledTextReader.read(data), folds, ComplaintTrainer.withDefaults()));
    }
}
