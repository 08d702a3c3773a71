package io.feedbackbot.opennlp.model;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

import io.feedbackbot.opennlp.features.FeatureExtractor;
import io.feedbackbot.opennlp.training.Label;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.MaxentModel;

/**
 * Everything a classifier needs, loaded once and shared: the feature extractor (settings and lexicons as trained),
 * the complaint / not_complaint doccat model, optionally a doccat model of complaint categories, and provenance
 * (for the shipped model, a hash of the corpus it was built from). Immutable; the OpenNLP {@link MaxentModel}s it
 * holds are only ever evaluated, which is safe from many threads.
 */
public final class ComplaintModel {

    private final FeatureExtractor extractor;
    private final TrainingSettings settings;
    private final DoccatModel complaint;
    private final DoccatModel category;
    private final Properties info;
    private final int complaintIndex;
    private final Map<String, Double> contributions;

    public ComplaintModel(FeatureExtractor extractor, TrainingSettings settings, DoccatModel complaint,
                          DoccatModel category, Properties info) {
        this.extractor = Objects.requireNonNull(extractor, "extractor");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.complaint = Objects.requireNonNull(complaint, "complaint");
        this.category = category;
        this.info = copy(info);
        MaxentModel m = complaint.getMaxentModel();
        this.complaintIndex = m.getIndex(Label.COMPLAINT.tag());
        if (complaintIndex < 0 || m.getNumOutcomes() != 2) {
            throw new IllegalArgumentException("a complaint model needs exactly the outcomes complaint and not_complaint");
        }
        this.contributions = contributions(m, complaintIndex);
    }

    public FeatureExtractor extractor() {
        return extractor;
    }

    public TrainingSettings settings() {
        return settings;
    }

    public DoccatModel complaintDoccat() {
        return complaint;
    }

    public Optional<DoccatModel> categoryDoccat() {
        return Optional.ofNullable(category);
    }

    /** Provenance recorded at training time, such as {@code corpus.sha256}; a copy. */
    public Properties info() {
        return copy(info);
    }

    /** The complaint probability for a message's feature names. */
    public double complaintProbability(String[] features) {
        return complaint.getMaxentModel().eval(features)[complaintIndex];
    }

    /** The most likely category for a message's feature names, if the model has a category part. */
    public Optional<String> bestCategory(String[] features) {
        if (category == null) {
            return Optional.empty();
        }
        MaxentModel m = category.getMaxentModel();
        return Optional.of(m.getBestOutcome(m.eval(features)));
    }

    /** Each category's probability for a message's feature names; empty without a category part. */
    public Map<String, Double> categoryProbabilities(String[] features) {
        if (category == null) {
            return Map.of();
        }
        MaxentModel m = category.getMaxentModel();
        double[] p = m.eval(features);
        Map<String, Double> out = new HashMap<>();
        for (int i = 0; i < p.length; i++) {
            out.put(m.getOutcome(i), p[i]);
        }
        return out;
    }

    /**
     * How much one feature alone moves the log-odds towards complaint (positive) or away from it (negative); zero for
     * features the model does not know. Used to pick evidence phrases.
     */
    public double contribution(String feature) {
        return contributions.getOrDefault(feature, 0.0);
    }

    /**
     * Computed once per model from the model itself, whatever the algorithm: logit(p(complaint | f)) minus
     * logit(p(complaint | no features)). For logistic regression that is the weight difference of f, for naive
     * Bayes its log likelihood ratio.
     */
    private static Map<String, Double> contributions(MaxentModel m, int complaintIndex) {
        if (!(m instanceof AbstractModel am)) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> pmap = (Map<String, ?>) am.getDataStructures()[1];
        double base = logit(m.eval(new String[0])[complaintIndex]);
        Map<String, Double> out = new HashMap<>(pmap.size() * 2);
        String[] one = new String[1];
        for (String f : pmap.keySet()) {
            one[0] = f;
            out.put(f, logit(m.eval(one)[complaintIndex]) - base);
        }
        return out;
    }

    private static double logit(double p) {
        double q = Math.min(Math.max(p, 1e-12), 1 - 1e-12);
        return Math.log(q / (1 - q));
    }

    private static Properties copy(Properties p) {
        Properties c = new Properties();
        if (p != null) {
            c.putAll(p);
        }
        return c;
    }
}
