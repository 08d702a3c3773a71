package io.feedbackbot.opennlp.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The lexicon features of a message: complaint and praise cues, negative and positive words, category words; the
 * polarity of sentiment words flips after a negator ({@code not good}, {@code 不好吃}); a family that hits twice
 * or more adds a count marker; and the net polarity of the message is one more feature. Immutable.
 */
final class LexiconHits {

    private final PhraseMatcher cues;
    private final Set<String> negatorWords;
    private final List<String> hanNegators;

    LexiconHits(Lexicons lexicons, Set<String> negatorWords, List<String> hanNegators) {
        this.negatorWords = negatorWords;
        this.hanNegators = hanNegators;
        List<Map.Entry<String, String>> phrases = new ArrayList<>();
        lexicons.lists().forEach((name, list) -> {
            String label = name.startsWith("complaint-cues") ? "lex=complaint"
                    : name.startsWith("praise-cues") ? "lex=praise"
                    : name.startsWith("negative-words") ? "lex=neg"
                    : name.startsWith("positive-words") ? "lex=pos"
                    : name.startsWith("category-") ? "cat=" + name.substring(9) : null;
            if (label != null) {
                list.forEach(p -> phrases.add(Map.entry(p, label)));
            }
        });
        this.cues = new PhraseMatcher(phrases);
    }

    void add(String norm, boolean negation, List<Feature> out) {
        Map<String, Integer> counts = new TreeMap<>();
        cues.find(norm, hit -> {
            String label = hit.label();
            if (negation && !label.startsWith("cat=") && isNegated(norm, hit.start())) {
                label = switch (label) {
                    case "lex=pos", "lex=praise" -> "lex=neg";
                    case "lex=neg" -> "lex=pos";
                    default -> label + "~not";
                };
            }
            out.add(new Feature(label, hit.start(), hit.end()));
            counts.merge(label, 1, Integer::sum);
        });
        counts.forEach((label, n) -> {
            if (n >= 2) {
                out.add(Feature.global(label + "#2"));
            }
        });
        int negative = counts.getOrDefault("lex=neg", 0) + counts.getOrDefault("lex=complaint", 0);
        int positive = counts.getOrDefault("lex=pos", 0) + counts.getOrDefault("lex=praise", 0);
        out.add(Feature.global("lexnet=" + (negative > positive ? "neg" : positive > negative ? "pos" : "even")));
    }

    /** Whether a negator comes just before {@code start}: within 3 Han characters, or 3 words with no punctuation between. */
    private boolean isNegated(String norm, int start) {
        if (start == 0) {
            return false;
        }
        if (MessageTokenizer.isHan(norm.charAt(start - 1))
                || MessageTokenizer.isHan(norm.charAt(start))) {
            int from = Math.max(0, start - 3);
            String before = norm.substring(from, start);
            for (String negator : hanNegators) {
                if (before.contains(negator)) {
                    return true;
                }
            }
            return false;
        }
        int i = start;
        for (int words = 0; words < 3 && i > 0; words++) {
            while (i > 0 && norm.charAt(i - 1) == ' ') {
                i--;
            }
            int end = i;
            while (i > 0 && (Character.isLetter(norm.charAt(i - 1)) || norm.charAt(i - 1) == '\'')) {
                i--;
            }
            if (i == end) {
                return false;
            }
            String word = norm.substring(i, end);
            if (negatorWords.contains(word) || word.endsWith("n't")) {
                return true;
            }
        }
        return false;
    }
}
