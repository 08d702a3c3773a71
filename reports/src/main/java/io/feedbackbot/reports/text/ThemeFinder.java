package io.feedbackbot.reports.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The most frequent phrases in a set of comments, with example comments for each. A phrase counts once per
 * comment. A phrase is left out when a longer phrase containing it occurs in at least three quarters of its
 * comments ("cold" when "cold food" says it; the fragment "餐太慢" of "送餐太慢"), so the list shows whole
 * phrases rather than their pieces. Pure: comments come in the order examples should be chosen (newest first).
 */
public final class ThemeFinder {

    /** How many example comments each phrase keeps. */
    public static final int EXAMPLES = 3;
    private static final double COVERED = 0.75;

    private final PhraseExtractor extractor = new PhraseExtractor();

    /**
     * @param minCount phrases in fewer comments are dropped
     * @param limit    at most this many phrases, most frequent first
     */
    public <T> List<Theme<T>> find(List<T> comments, Function<T, String> text, int minCount, int limit) {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, List<T>> examples = new HashMap<>();
        for (T comment : comments) {
            for (String phrase : extractor.phrases(text.apply(comment))) {
                counts.merge(phrase, 1, Integer::sum);
                List<T> list = examples.computeIfAbsent(phrase, p -> new ArrayList<>(EXAMPLES));
                if (list.size() < EXAMPLES) {
                    list.add(comment);
                }
            }
        }
        Map<String, Integer> candidates = new LinkedHashMap<>();
        counts.forEach((p, c) -> {
            if (c >= minCount) {
                candidates.put(p, c);
            }
        });
        Map<String, Integer> widestCover = new HashMap<>();
        candidates.forEach((phrase, count) -> {
            for (String part : parts(phrase)) {
                widestCover.merge(part, count, Math::max);
            }
        });
        List<Theme<T>> out = new ArrayList<>();
        candidates.forEach((phrase, count) -> {
            if (widestCover.getOrDefault(phrase, 0) < COVERED * count) {
                out.add(new Theme<>(phrase, count, examples.get(phrase)));
            }
        });
        out.sort(Comparator.comparingInt((Theme<T> t) -> t.count()).reversed()
                .thenComparing(Comparator.comparingInt((Theme<T> t) -> t.phrase().length()).reversed())
                .thenComparing(Theme::phrase));
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : List.copyOf(out);
    }

    /** The shorter phrases inside {@code phrase}: the words of a two-word phrase, the inner n-grams of Chinese. */
    private static List<String> parts(String phrase) {
        List<String> out = new ArrayList<>();
        if (phrase.indexOf(' ') >= 0) {
            out.addAll(List.of(phrase.split(" ")));
            return out;
        }
        int[] cps = phrase.codePoints().toArray();
        for (int n = 2; n < cps.length; n++) {
            for (int start = 0; start + n <= cps.length; start++) {
                out.add(new String(cps, start, n));
            }
        }
        return out;
    }

    /** A phrase, the number of comments it occurs in, and up to {@link #EXAMPLES} of them. */
    public record Theme<T>(String phrase, int count, List<T> examples) {
        public Theme {
            examples = List.copyOf(examples);
        }
    }
}
