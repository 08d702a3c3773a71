package io.feedbackbot.opennlp.model;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

import opennlp.tools.doccat.FeatureGenerator;

/**
 * The OpenNLP doccat feature generator of our models: the "tokens" handed to doccat are already the feature names
 * made by {@link io.feedbackbot.opennlp.features.FeatureExtractor}, so this passes them through unchanged. Saved
 * {@code DoccatModel}s name this class; it must keep its name and its public no-argument constructor.
 */
public final class ExtractedFeatureGenerator implements FeatureGenerator {

    public ExtractedFeatureGenerator() {
        // instantiated by name when OpenNLP loads a model
    }

    @Override
    public Collection<String> extractFeatures(String[] features, Map<String, Object> extraInformation) {
        return Arrays.asList(features);
    }
}
