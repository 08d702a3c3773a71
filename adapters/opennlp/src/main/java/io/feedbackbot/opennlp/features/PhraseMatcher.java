package io.feedbackbot.opennlp.features;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Finds lexicon phrases in normalised text. Phrases that begin or end with a Latin letter only match on word
 * boundaries ({@code late} does not fire inside {@code chocolate}); Han phrases match anywhere. Immutable.
 */
final class PhraseMatcher {

    /** One phrase found in a text, with the label of the lexicon it came from. */
    record Hit(String label, int start, int end) {
    }

    private record Entry(String phrase, String label) {
    }

    private final Map<Character, List<Entry>> byFirstChar;

    /** @param labelledPhrases (phrase, label) pairs; one phrase may carry several labels */
    PhraseMatcher(List<Map.Entry<String, String>> labelledPhrases) {
        Map<Character, List<Entry>> map = new HashMap<>();
        for (Map.Entry<String, String> pair : labelledPhrases) {
            String norm = MessageTokenizer.normalize(pair.getKey().strip());
            Entry entry = new Entry(norm, pair.getValue());
            if (!norm.isEmpty()) {
                List<Entry> list = map.computeIfAbsent(norm.charAt(0), c -> new ArrayList<>());
                if (!list.contains(entry)) {
                    list.add(entry);
                }
            }
        }
        map.values().forEach(list -> list.sort((a, b) -> b.phrase.length() != a.phrase.length()
                ? b.phrase.length() - a.phrase.length() : a.label.compareTo(b.label)));
        this.byFirstChar = Map.copyOf(map);
    }

    /** Reports every hit; at one position only the longest phrase of each label counts. */
    void find(String norm, Consumer<Hit> hits) {
        for (int i = 0; i < norm.length(); i++) {
            List<Entry> candidates = byFirstChar.get(norm.charAt(i));
            if (candidates == null || (isLatin(norm.charAt(i)) && i > 0 && isLatin(norm.charAt(i - 1)))) {
                continue;
            }
            List<String> labelsHere = new ArrayList<>(2);
            for (Entry e : candidates) {
                int end = i + e.phrase.length();
                if (norm.startsWith(e.phrase, i) && !labelsHere.contains(e.label)
                        && !(isLatin(e.phrase.charAt(e.phrase.length() - 1)) && end < norm.length() && isLatin(norm.charAt(end)))) {
                    hits.accept(new Hit(e.label, i, end));
                    labelsHere.add(e.label);
                }
            }
        }
    }

    private static boolean isLatin(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
