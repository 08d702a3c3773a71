package io.feedbackbot.opennlp.evaluation;

import java.util.List;

/**
 * Counts of (gold, predicted) label pairs over a fixed, ordered list of labels, with the measures derived from
 * them. Immutable; {@link #plus} combines matrices (for example the folds of a cross-validation).
 *
 * @param labels the labels, in display order
 * @param counts {@code counts[gold][predicted]}
 */
public record ConfusionMatrix(List<String> labels, long[][] counts) {

    public ConfusionMatrix {
        labels = List.copyOf(labels);
        long[][] copy = new long[labels.size()][];
        if (counts.length != labels.size()) {
            throw new IllegalArgumentException("counts must be " + labels.size() + " x " + labels.size());
        }
        for (int i = 0; i < counts.length; i++) {
            if (counts[i].length != labels.size()) {
                throw new IllegalArgumentException("counts must be " + labels.size() + " x " + labels.size());
            }
            copy[i] = counts[i].clone();
        }
        counts = copy;
    }

    public static ConfusionMatrix empty(List<String> labels) {
        return new ConfusionMatrix(labels, new long[labels.size()][labels.size()]);
    }

    public ConfusionMatrix plus(String gold, String predicted) {
        long[][] c = counts();
        c[index(gold)][index(predicted)]++;
        return new ConfusionMatrix(labels, c);
    }

    public ConfusionMatrix plus(ConfusionMatrix other) {
        if (!other.labels.equals(labels)) {
            throw new IllegalArgumentException("labels differ: " + labels + " vs " + other.labels);
        }
        long[][] c = counts();
        for (int i = 0; i < c.length; i++) {
            for (int j = 0; j < c.length; j++) {
                c[i][j] += other.counts[i][j];
            }
        }
        return new ConfusionMatrix(labels, c);
    }

    @Override
    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    public long count(String gold, String predicted) {
        return counts[index(gold)][index(predicted)];
    }

    public long total() {
        long t = 0;
        for (long[] row : counts) {
            for (long v : row) {
                t += v;
            }
        }
        return t;
    }

    public double accuracy() {
        long correct = 0;
        for (int i = 0; i < counts.length; i++) {
            correct += counts[i][i];
        }
        return ratio(correct, total());
    }

    /** Of the rows predicted as {@code label}, the share that are {@code label}; 0 when none was predicted. */
    public double precision(String label) {
        int k = index(label);
        long predicted = 0;
        for (long[] row : counts) {
            predicted += row[k];
        }
        return ratio(counts[k][k], predicted);
    }

    /** Of the rows that are {@code label}, the share predicted as {@code label}; 0 when there are none. */
    public double recall(String label) {
        int k = index(label);
        long gold = 0;
        for (long v : counts[k]) {
            gold += v;
        }
        return ratio(counts[k][k], gold);
    }

    public double f1(String label) {
        double p = precision(label);
        double r = recall(label);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** The unweighted mean of the per-label F1 scores. */
    public double macroF1() {
        double sum = 0;
        for (String l : labels) {
            sum += f1(l);
        }
        return labels.isEmpty() ? 0 : sum / labels.size();
    }

    private int index(String label) {
        int i = labels.indexOf(label);
        if (i < 0) {
            throw new IllegalArgumentException("unknown label " + label + ", expected one of " + labels);
        }
        return i;
    }

    private static double ratio(long a, long b) {
        return b == 0 ? 0 : (double) a / b;
    }
}
