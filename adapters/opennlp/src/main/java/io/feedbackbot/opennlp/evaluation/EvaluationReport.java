package io.feedbackbot.opennlp.evaluation;

import java.util.Locale;

/**
 * The printable result of scoring a classifier on labelled data: accuracy, macro F1, per-class precision, recall
 * and F1, the confusion matrix, and a last line {@code macro_f1=0.812} for scripts.
 *
 * @param title  what was evaluated, for the first line (for example the model and the data file)
 * @param matrix the counts
 */
public record EvaluationReport(String title, ConfusionMatrix matrix) {

    public double accuracy() {
        return matrix.accuracy();
    }

    public double macroF1() {
        return matrix.macroF1();
    }

    public String format() {
        StringBuilder out = new StringBuilder();
        out.append(title).append('\n');
        out.append(String.format(Locale.ROOT, "rows      %d%n", matrix.total()));
        out.append(String.format(Locale.ROOT, "accuracy  %.4f%n", accuracy()));
        out.append(String.format(Locale.ROOT, "macro F1  %.4f%n%n", macroF1()));
        out.append(String.format(Locale.ROOT, "%-16s %9s %9s %9s%n", "class", "precision", "recall", "F1"));
        for (String l : matrix.labels()) {
            out.append(String.format(Locale.ROOT, "%-16s %9.4f %9.4f %9.4f%n", l, matrix.precision(l), matrix.recall(l), matrix.f1(l)));
        }
        out.append("\nconfusion (rows: gold, columns: predicted)\n");
        out.append(String.format(Locale.ROOT, "%-16s", ""));
        matrix.labels().forEach(l -> out.append(String.format(Locale.ROOT, " %14s", l)));
        out.append('\n');
        for (String gold : matrix.labels()) {
            out.append(String.format(Locale.ROOT, "%-16s", gold));
            for (String predicted : matrix.labels()) {
                out.append(String.format(Locale.ROOT, " %14d", matrix.count(gold, predicted)));
            }
            out.append('\n');
        }
        out.append(String.format(Locale.ROOT, "%nmacro_f1=%.3f%n", macroF1()));
        return out.toString();
    }
}
