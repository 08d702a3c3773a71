package io.feedbackbot.opennlp.evidence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

import io.feedbackbot.opennlp.features.Feature;

/**
 * Picks the phrases of a message that drove the decision: for a complaint the spans of the features that pushed the
 * score up most, otherwise those that pushed it down most; overlapping spans are merged into one phrase, strongest
 * phrase first. Single Han characters and English function words alone are never shown. Phrases are always
 * substrings of the customer's text. Stateless.
 */
public final class EvidencePhrases {

    private static final double MIN_CONTRIBUTION = 0.15;
    private static final Set<String> FUNCTION_WORDS = Set.of("a", "an", "the", "and", "or", "but", "to", "of", "in", "on",
            "at", "for", "with", "from", "by", "is", "are", "was", "were", "be", "been", "am", "i", "me", "my", "we", "our",
            "you", "your", "it", "its", "this", "that", "there", "when", "then", "so", "as", "if", "do", "did", "have",
            "has", "had", "will", "would", "can", "just", "all", "up", "out", "about", "what", "how", "he", "she", "they");
    private static final int MAX_SPANS = 12;
    private static final int MAX_PHRASE_CHARS = 40;

    private record Span(int start, int end, double weight) {
    }

    private EvidencePhrases() {
    }

    /**
     * @param contribution    a feature's pull towards complaint (positive) or away from it (negative)
     * @param towardComplaint whether the decision was "complaint"; picks the phrases that pulled that way
     */
    public static List<String> pick(String text, List<Feature> features, ToDoubleFunction<String> contribution, int max,
                                    boolean towardComplaint) {
        List<Span> spans = new ArrayList<>();
        for (Feature f : features) {
            if (!f.hasSpan() || !isShowable(f.name())) {
                continue;
            }
            double w = towardComplaint ? contribution.applyAsDouble(f.name()) : -contribution.applyAsDouble(f.name());
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
                merged.set(merged.size() - 1, new Span(last.start(), Math.max(last.end(), s.end()), Math.max(last.weight(), s.weight())));
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

    /**
     * Punctuation, length and placeholder features move the score but say nothing an agent can read; nor does one
     * Han character or one function word on its own.
     */
    private static boolean isShowable(String name) {
        if (name.startsWith("p=") || name.startsWith("len=") || name.equals("caps") || name.indexOf('<') >= 0) {
            return false;
        }
        if (name.startsWith("c=")) {
            return name.codePointCount(2, name.length()) > 1;
        }
        if (name.startsWith("w=")) {
            return !FUNCTION_WORDS.contains(name.substring(2));
        }
        if (name.startsWith("b=")) {
            int cut = name.indexOf('_', 2);
            return cut < 0 || !(FUNCTION_WORDS.contains(name.substring(2, cut)) && FUNCTION_WORDS.contains(name.substring(cut + 1)));
        }
        return true;
    }
}
