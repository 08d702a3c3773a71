package io.feedbackbot.opennlp;

import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.feedbackbot.core.classify.ComplaintAssessment;
import io.feedbackbot.core.classify.ComplaintClassifier;
import io.feedbackbot.core.conversation.Language;
import io.feedbackbot.opennlp.category.CategoryChooser;
import io.feedbackbot.opennlp.evaluation.ComplaintEvaluator;
import io.feedbackbot.opennlp.evidence.EvidencePhrases;
import io.feedbackbot.opennlp.features.Feature;
import io.feedbackbot.opennlp.model.ComplaintModel;
import io.feedbackbot.opennlp.model.ComplaintModelFile;

/**
 * The complaint classifier on an OpenNLP doccat model: features from {@link io.feedbackbot.opennlp.features}, the
 * complaint probability from the model, the category from the category model or lexicons, and the evidence
 * phrases that pushed the score up. Holds one immutable {@link ComplaintModel} and evaluates its maxent models
 * directly (no {@code DocumentCategorizerME}, which is not thread-safe), so one instance serves every thread.
 * Never throws for ordinary text.
 */
public final class OpenNlpComplaintClassifier implements ComplaintClassifier {

    private static final Logger LOG = LoggerFactory.getLogger(OpenNlpComplaintClassifier.class);
    private static final int MAX_EVIDENCE = 3;
    private static final int MAX_CHARS = 2000;

    private final ComplaintModel model;
    private final CategoryChooser categories;

    public OpenNlpComplaintClassifier(ComplaintModel model, List<String> categories) {
        this.model = model;
        this.categories = new CategoryChooser(categories);
    }

    /** The shipped model with the default categories. */
    public static OpenNlpComplaintClassifier shipped() {
        return shipped(CategoryChooser.DEFAULT_CATEGORIES);
    }

    /** The shipped model with the configured categories. */
    public static OpenNlpComplaintClassifier shipped(List<String> categories) {
        return new OpenNlpComplaintClassifier(ComplaintModelFile.loadShipped(), categories);
    }

    /** An operator's model file (made by {@code complaints train}) with the given categories. */
    public static OpenNlpComplaintClassifier fromFile(Path modelFile, List<String> categories) {
        return new OpenNlpComplaintClassifier(ComplaintModelFile.load(modelFile), categories);
    }

    public ComplaintModel model() {
        return model;
    }

    /**
     * @param language the conversation's language; unused for features, which follow the script of each part of the
     *                 text, so a Chinese conversation with an English sentence still reads both correctly
     */
    @Override
    public ComplaintAssessment assess(String text, Language language) {
        if (text == null || text.isBlank()) {
            return ComplaintAssessment.NONE;
        }
        try {
            String clipped = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
            List<Feature> features = model.extractor().extract(clipped);
            String[] names = model.extractor().names(features);
            double probability = model.complaintProbability(names);
            String category = categories.choose(model.bestCategory(names), features);
            List<String> evidence = EvidencePhrases.pick(clipped, features, model::contribution, MAX_EVIDENCE,
                    probability >= ComplaintEvaluator.THRESHOLD);
            return new ComplaintAssessment(probability, category, evidence);
        } catch (RuntimeException e) {
            LOG.warn("complaint classification failed ({} chars): {}", text.length(), e.toString());
            return ComplaintAssessment.NONE;
        }
    }
}
