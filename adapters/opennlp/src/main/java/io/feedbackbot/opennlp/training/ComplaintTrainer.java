package io.feedbackbot.opennlp.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import io.feedbackbot.opennlp.features.FeatureExtractor;
import io.feedbackbot.opennlp.features.Lexicons;
import io.feedbackbot.opennlp.model.ComplaintModel;
import io.feedbackbot.opennlp.model.ExtractedFeatureGenerator;
import io.feedbackbot.opennlp.model.TrainingSettings;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains a {@link ComplaintModel} with the OpenNLP document categorizer: one doccat model for complaint /
 * not_complaint over every row, and, when the complaint rows name at least two categories, a second one over those
 * rows for the category. Deterministic for the same rows and settings. Immutable and thread-safe.
 */
public final class ComplaintTrainer {

    private final TrainingSettings settings;
    private final Lexicons lexicons;

    public ComplaintTrainer(TrainingSettings settings, Lexicons lexicons) {
        this.settings = settings;
        this.lexicons = lexicons;
    }

    /** The trainer of the pipeline as evaluated on the public sets: default settings and the shipped lexicons. */
    public static ComplaintTrainer withDefaults() {
        return new ComplaintTrainer(TrainingSettings.DEFAULT, Lexicons.shipped());
    }

    /** The trainer of the shipped model and of models built on the shipped corpus: shipped settings and lexicons. */
    public static ComplaintTrainer forShippedCorpus() {
        return new ComplaintTrainer(TrainingSettings.SHIPPED, Lexicons.shipped());
    }

    public TrainingSettings settings() {
        return settings;
    }

    public ComplaintModel train(List<LabeledText> rows) {
        return train(rows, new Properties());
    }

    /**
     * @param info provenance to store in the model; keys should start with {@code info.}
     * @throws IllegalArgumentException when the rows do not hold both labels
     */
    public ComplaintModel train(List<LabeledText> rows, Properties info) {
        Set<Label> labels = EnumSet.noneOf(Label.class);
        rows.forEach(r -> labels.add(r.label()));
        if (labels.size() < 2) {
            throw new IllegalArgumentException("training data needs both complaint and not_complaint rows, found only " + labels);
        }
        FeatureExtractor extractor = new FeatureExtractor(settings.features(), lexicons);
        List<DocumentSample> complaintSamples = new ArrayList<>(rows.size());
        List<DocumentSample> categorySamples = new ArrayList<>();
        Set<String> categories = new TreeSet<>();
        for (LabeledText row : rows) {
            String[] features = extractor.names(row.text());
            complaintSamples.add(new DocumentSample(row.label().tag(), features));
            if (row.isComplaint() && row.category() != null) {
                categorySamples.add(new DocumentSample(row.category(), features));
                categories.add(row.category());
            }
        }
        Properties provenance = new Properties();
        provenance.putAll(info);
        provenance.setProperty("info.rows", Integer.toString(rows.size()));
        provenance.setProperty("info.categories", String.join(",", categories));
        DoccatModel complaint = doccat(complaintSamples, settings.openNlpParameters());
        DoccatModel category = categories.size() >= 2 ? doccat(categorySamples, settings.categoryParameters()) : null;
        return new ComplaintModel(extractor, settings, complaint, category, provenance);
    }

    private static DoccatModel doccat(List<DocumentSample> samples, TrainingParameters parameters) {
        try {
            DoccatFactory factory = new DoccatFactory(new FeatureGenerator[] {new ExtractedFeatureGenerator()});
            return DocumentCategorizerME.train("und", ObjectStreamUtils.createObjectStream(samples),
                    parameters, factory);
        } catch (IOException e) {
            throw new UncheckedIOException("OpenNLP training failed: " + e.getMessage(), e);
        }
    }
}
