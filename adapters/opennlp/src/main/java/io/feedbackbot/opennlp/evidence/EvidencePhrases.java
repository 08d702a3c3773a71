package io.feedbackbot.opennlp.evidence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

import io.feedbackbot.opennlp.features.Feature;

/**
 * Picks the phrases of a message that pushed it towards "complaint": the spans of the features with the largest
 * positive contribution, overlapping spans merged into one phrase, strongest phrase first. Phrases are always
 * substrings of the customer's text. Stateless.
 */
public final class EvidencePhrases {

    private static final double MIN_CONTRIBUTION = 0.05;
    private static final int MAX_SPANS = 12;
    private static final int MAX_PHRASE_CHARS = 40;

    private record Span(int start, int end, double weight) {
    }

    private EvidencePhrases() {
    }

    public static List<String> pick(String text, List<Feature> features, ToDoubleFunction<String> contribution, int max) {
        List<Span> spans = new ArrayList<>();
        for (Feature f : features) {
            if (!f.hasSpan() || !isShowable(f.name())) {
                continue;
            }
            double w = contribution.applyAsDouble(f.name());
            if (w > MIN_CONTRIBUTION) {
                spans.add(new Span(f.start(), f.end(), w));
            }
        }
        spans.sort(Comparator.comparingDouble(Span::weight).reversed());
        List<Span> strongest = new ArrayList<>(spans.subList(0, Math.min(MAX_SPANS, spans.size())));
        strongest.sort(Comparator.comparingInt(Span::start));
        List<Span> merged = new ArrayList<>();
        for (Span s : strongest) {
            Span last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && s.start() < last.end() && Math.max(last.end(), s.end()) - last.start() <= MAX_PHRASE_CHARS) {
                merged.set(merged.size() - 1, new Span(last.start(), Math.max(last.end(), s.end()), last.weight() + s.weight()));
            } else {
                merged.add(s);
            }
        }
        merged.sort(Comparator.comparingDouble(Span::weight).reversed());
        Set<String> phrases = new LinkedHashSet<>();
        for (Span s : merged) {
            String phrase = text.substring(s.start(), s.end()).strip();
            if (!phrase.isEmpty()) {
                phrases.add(phrase);
            }
            if (phrases.size() == max) {
                break;
            }
        }
        return List.copyOf(phrases);
    }

    /** Punctuation, length and placeholder features move the score but say nothing an agent can read. */
    private static boolean isShowable(String name) {
        return !name.startsWith("p=") && !name.startsWith("len=") && !name.equals("caps") && name.indexOf('<') < 0;
    }
}
