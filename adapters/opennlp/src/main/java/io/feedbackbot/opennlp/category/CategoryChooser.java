package io.feedbackbot.opennlp.category;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.feedbackbot.opennlp.features.Feature;

/**
 * Decides the complaint category of a message among the configured ones: the category model's answer when it has
 * one that is configured, else the configured category whose lexicon matched most often, else the fallback
 * ({@code other} by default). Immutable.
 */
public final class CategoryChooser {

    /** The categories of the issue, in display order. */
    public static final List<String> DEFAULT_CATEGORIES = List.of("delivery", "product_quality", "service_attitude",
            "price_billing", "app_website", "other");

    private final List<String> categories;
    private final String fallback;

    /**
     * @param categories the configured category names; {@code other} is the fallback when present, else the last one
     */
    public CategoryChooser(List<String> categories) {
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("at least one complaint category must be configured");
        }
        this.categories = List.copyOf(categories);
        this.fallback = categories.contains("other") ? "other" : categories.get(categories.size() - 1);
    }

    public List<String> categories() {
        return categories;
    }

    public String choose(Optional<String> modelCategory, List<Feature> features) {
        if (modelCategory.isPresent() && categories.contains(modelCategory.get())) {
            return modelCategory.get();
        }
        return fromLexicon(features);
    }

    /** The configured category whose lexicon matched first in the text, if any matched. */
    public Optional<String> firstLexiconHit(List<Feature> features) {
        Feature first = null;
        for (Feature f : features) {
            if (f.name().startsWith("cat=") && categories.contains(f.name().substring(4))
                    && (first == null || f.start() < first.start())) {
                first = f;
            }
        }
        return first == null ? Optional.empty() : Optional.of(first.name().substring(4));
    }

    /** The configured category with the most lexicon hits; ties go to the earlier one in the configuration. */
    public String fromLexicon(List<Feature> features) {
        Map<String, Integer> hits = new HashMap<>();
        for (Feature f : features) {
            if (f.name().startsWith("cat=")) {
                hits.merge(f.name().substring(4), 1, Integer::sum);
            }
        }
        String best = fallback;
        int bestHits = 0;
        for (String c : categories) {
            int h = hits.getOrDefault(c, 0);
            if (h > bestHits) {
                best = c;
                bestHits = h;
            }
        }
        return best;
    }
}
