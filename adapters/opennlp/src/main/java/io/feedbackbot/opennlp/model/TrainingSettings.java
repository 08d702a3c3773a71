package io.feedbackbot.opennlp.model;

import java.util.Properties;

import io.feedbackbot.opennlp.features.FeatureSettings;
import opennlp.tools.util.TrainingParameters;

/**
 * How a model is trained: features, the OpenNLP algorithm and its parameters. Recorded in the model file. The
 * defaults were chosen by 5-fold cross-validation on the public training sets (see bench/COMPLAINTS.md).
 *
 * @param features   feature families
 * @param algorithm  {@code MAXENT_QN} (L-BFGS logistic regression), {@code MAXENT} (GIS) or {@code NAIVEBAYES}
 * @param cutoff     features seen fewer times than this are dropped
 * @param iterations training iterations (GIS) or maximum L-BFGS iterations
 * @param l1         L1 cost (QN only)
 * @param l2         L2 cost (QN only) of the complaint model
 * @param categoryL2 L2 cost (QN only) of the category model, which has fewer rows and six outcomes
 */
public record TrainingSettings(FeatureSettings features, String algorithm, int cutoff, int iterations, double l1,
                               double l2, double categoryL2) {

    public static final TrainingSettings DEFAULT = new TrainingSettings(FeatureSettings.DEFAULT, "MAXENT_QN", 1, 200, 0.0, 2.0, 2.0);

    /**
     * The settings of the shipped model and of models trained on the shipped corpus plus agent labels: no length
     * bucket (message length in the corpus says little about length elsewhere) and stronger regularisation, chosen
     * by corpus cross-validation and by scoring the public {@code train.tsv} files as development sets. The category
     * model keeps L2 = 2, which classified corpus complaints better in cross-validation than 10.
     */
    public static final TrainingSettings SHIPPED = new TrainingSettings(FeatureSettings.DEFAULT.with("lengthBucket", false),
            "MAXENT_QN", 1, 200, 0.0, 10.0, 2.0);

    public TrainingSettings {
        if (!algorithm.equals("MAXENT_QN") && !algorithm.equals("MAXENT") && !algorithm.equals("NAIVEBAYES")) {
            throw new IllegalArgumentException("unknown algorithm " + algorithm + " (MAXENT_QN, MAXENT or NAIVEBAYES)");
        }
        if (cutoff < 0 || iterations < 1 || l1 < 0 || l2 < 0 || categoryL2 < 0) {
            throw new IllegalArgumentException("bad training settings " + cutoff + "/" + iterations + "/" + l1 + "/" + l2);
        }
    }

    public TrainingSettings withFeatures(FeatureSettings f) {
        return new TrainingSettings(f, algorithm, cutoff, iterations, l1, l2, categoryL2);
    }

    public TrainingSettings withAlgorithm(String a, double newL1, double newL2) {
        return new TrainingSettings(features, a, cutoff, iterations, newL1, newL2, categoryL2);
    }

    public TrainingSettings withCutoff(int c) {
        return new TrainingSettings(features, algorithm, c, iterations, l1, l2, categoryL2);
    }

    /** The OpenNLP parameters of the complaint model (single-threaded: the machine is shared). */
    public TrainingParameters openNlpParameters() {
        return openNlpParameters(l2);
    }

    /** The OpenNLP parameters of the category model. */
    public TrainingParameters categoryParameters() {
        return openNlpParameters(categoryL2);
    }

    private TrainingParameters openNlpParameters(double l2Cost) {
        TrainingParameters p = new TrainingParameters();
        p.put(TrainingParameters.ALGORITHM_PARAM, algorithm);
        p.put(TrainingParameters.CUTOFF_PARAM, cutoff);
        p.put(TrainingParameters.ITERATIONS_PARAM, iterations);
        if (algorithm.equals("MAXENT_QN")) {
            p.put("L1Cost", l1);
            p.put("L2Cost", l2Cost);
        }
        p.put(TrainingParameters.THREADS_PARAM, 1);
        p.put("PrintMessages", false);
        return p;
    }

    public Properties toProperties() {
        Properties p = features.toProperties();
        p.setProperty("training.algorithm", algorithm);
        p.setProperty("training.cutoff", Integer.toString(cutoff));
        p.setProperty("training.iterations", Integer.toString(iterations));
        p.setProperty("training.l1", Double.toString(l1));
        p.setProperty("training.l2", Double.toString(l2));
        p.setProperty("training.categoryL2", Double.toString(categoryL2));
        return p;
    }

    public static TrainingSettings fromProperties(Properties p) {
        return new TrainingSettings(FeatureSettings.fromProperties(p), p.getProperty("training.algorithm", "MAXENT_QN"),
                Integer.parseInt(p.getProperty("training.cutoff", "1")),
                Integer.parseInt(p.getProperty("training.iterations", "100")),
                Double.parseDouble(p.getProperty("training.l1", "0")), Double.parseDouble(p.getProperty("training.l2", "0")),
                Double.parseDouble(p.getProperty("training.categoryL2", p.getProperty("training.l2", "0"))));
    }

    @Override
    public String toString() {
        return algorithm + " cutoff=" + cutoff + " it=" + iterations + " l1=" + l1 + " l2=" + l2 + " categoryL2=" + categoryL2 + " " + features;
    }
}
