package io.feedbackbot.server.cli;

import io.feedbackbot.config.FeedbackbotSettings;
import io.feedbackbot.config.SettingsLoader;
import io.feedbackbot.opennlp.ComplaintCommands;
import io.feedbackbot.opennlp.evaluation.EvaluationReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code feedbackbot complaints train|eval}: operators' own complaint models, and how well a model does. */
@Command(name = "complaints", mixinStandardHelpOptions = true,
        description = "Train and evaluate complaint models (TSV: label<TAB>text, labels complaint / not_complaint).",
        subcommands = {ComplaintsCommand.Train.class, ComplaintsCommand.Eval.class})
final class ComplaintsCommand {

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Train a model from labelled TSV files (for example agents' labels) and save it.")
    static final class Train implements Callable<Integer> {

        @Option(names = "--data", required = true, paramLabel = "FILE.tsv", description = "training data (repeatable)")
        List<Path> data;

        @Option(names = "--out", required = true, paramLabel = "model.bin", description = "where to save the model")
        Path out;

        @Option(names = "--with-shipped-corpus", description = "train on the shipped corpus too")
        boolean withShippedCorpus;

        @Override
        public Integer call() {
            System.out.println(ComplaintCommands.train(data, withShippedCorpus, out));
            return 0;
        }
    }

    @Command(name = "eval", mixinStandardHelpOptions = true,
            description = "Score a model on a labelled TSV file, or cross-validate the training pipeline on it.")
    static final class Eval implements Callable<Integer> {

        @Option(names = "--data", required = true, paramLabel = "FILE.tsv", description = "labelled test data")
        Path data;

        @Option(names = "--model", paramLabel = "model.bin",
                description = "the model to score (default: the one the server uses)")
        Path model;

        @Option(names = "--cv", paramLabel = "K", description = "stratified K-fold cross-validation of the pipeline")
        Integer folds;

        @Option(names = "--config", paramLabel = "FILE", description = "configuration naming the server's model")
        Path config;

        @Override
        public Integer call() {
            EvaluationReport report;
            if (folds != null) {
                if (folds < 2) {
                    throw new IllegalArgumentException("--cv needs at least 2 folds");
                }
                report = ComplaintCommands.crossValidate(data, folds);
            } else {
                report = ComplaintCommands.evaluate(Optional.ofNullable(model).or(this::serverModel), data);
            }
            System.out.print(report.format());
            return 0;
        }

        /** The operator model the server's configuration names, if any. */
        private Optional<Path> serverModel() {
            FeedbackbotSettings settings = new SettingsLoader(System.getenv()).load(config);
            String configured = settings.complaints().model();
            return configured.isBlank() ? Optional.empty() : Optional.of(Path.of(configured));
        }
    }
}
