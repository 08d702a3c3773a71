package io.feedbackbot.opennlp.features;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a customer message, Chinese, English or both, into the features the complaint and category models read:
 * English word uni/bigrams, Han character n-grams, negation scope, intensifiers, {@code !}/{@code ?} runs, emoji,
 * lexicon hits, capitals and a length bucket, as {@link FeatureSettings} selects. Every feature keeps the span of
 * text that produced it, for evidence. Immutable and thread-safe.
 */
public final class FeatureExtractor {

    private static final int ENGLISH_NEGATION_SCOPE = 3;

    private final FeatureSettings settings;
    private final Lexicons lexicons;
    private final Set<String> negatorWords;
    private final Set<String> intensifierWords;
    private final List<String> hanNegators;
    private final List<String> hanIntensifiers;
    private final Set<String> negativeEmoji;
    private final Set<String> positiveEmoji;
    private final LexiconHits lexiconHits;

    public FeatureExtractor(FeatureSettings settings, Lexicons lexicons) {
        this.settings = settings;
        this.lexicons = lexicons;
        this.negatorWords = normalized(lexicons.get("negators-en"));
        this.intensifierWords = normalized(lexicons.get("intensifiers-en"));
        this.hanNegators = longestFirst(lexicons.get("negators-zh"));
        this.hanIntensifiers = longestFirst(lexicons.get("intensifiers-zh"));
        this.negativeEmoji = normalized(lexicons.get("emoji-negative"));
        this.positiveEmoji = normalized(lexicons.get("emoji-positive"));
        this.lexiconHits = new LexiconHits(lexicons, negatorWords, hanNegators);
    }

    public FeatureSettings settings() {
        return settings;
    }

    public Lexicons lexicons() {
        return lexicons;
    }

    /** The features of one message, in text order within each family; empty for blank text. */
    public List<Feature> extract(String text) {
        String norm = MessageTokenizer.normalize(text);
        List<Token> tokens = MessageTokenizer.tokenize(norm);
        List<Feature> out = new ArrayList<>(tokens.size() * 4 + 8);
        words(tokens, text, out);
        for (Token t : tokens) {
            switch (t.kind()) {
                case HAN -> han(t, out);
                case EMOJI -> emoji(t, out);
                case MARK -> {
                    if (settings.marks()) {
                        out.add(new Feature("p=" + t.norm(), t.start(), t.end()));
                    }
                }
                default -> { }
            }
        }
        if (settings.lexicons() && !tokens.isEmpty()) {
            lexiconHits.add(norm, settings.negation(), out);
        }
        if (settings.lengthBucket() && !tokens.isEmpty()) {
            out.add(Feature.global("len=" + lengthBucket(text)));
        }
        return out;
    }

    /** Only the feature names, as the OpenNLP models see them. */
    public String[] names(String text) {
        return names(extract(text));
    }

    /** The names of extracted features, once each when the settings ask for binary features. */
    public String[] names(List<Feature> features) {
        if (settings.binary()) {
            Set<String> unique = new java.util.LinkedHashSet<>();
            features.forEach(f -> unique.add(f.name()));
            return unique.toArray(new String[0]);
        }
        String[] names = new String[features.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = features.get(i).name();
        }
        return names;
    }

    private void words(List<Token> tokens, String original, List<Feature> out) {
        Token previous = null;
        boolean first = true;
        int negationLeft = 0;
        Token negator = null;
        Token intensifier = null;
        for (Token t : tokens) {
            if (!t.isWordLike()) {
                previous = null;
                negationLeft = t.kind() == Token.Kind.HAN || t.kind() == Token.Kind.EMOJI ? negationLeft : 0;
                intensifier = null;
                continue;
            }
            String w = t.norm();
            out.add(new Feature("w=" + w, t.start(), t.end()));
            if (settings.wordBigrams() && previous != null) {
                out.add(new Feature("b=" + previous.norm() + "_" + w, previous.start(), t.end()));
            }
            if (settings.startMarker() && first) {
                out.add(new Feature("b=<s>_" + w, t.start(), t.end()));
            }
            if (settings.negation() && negationLeft > 0) {
                out.add(new Feature("n=" + w, negator.start(), t.end()));
                negationLeft--;
            }
            if (settings.intensifiers() && intensifier != null) {
                out.add(new Feature("i=" + w, intensifier.start(), t.end()));
            }
            if (settings.caps() && isShouted(original, t)) {
                out.add(new Feature("caps", t.start(), t.end()));
            }
            if (negatorWords.contains(w) || w.endsWith("n't")) {
                negationLeft = ENGLISH_NEGATION_SCOPE;
                negator = t;
            }
            intensifier = intensifierWords.contains(w) ? t : null;
            previous = t;
            first = false;
        }
    }

    private void han(Token t, List<Feature> out) {
        String s = t.norm();
        int base = t.start();
        int n = s.length();
        for (int i = 0; i < n; i++) {
            for (int len = 1; len <= settings.hanMaxN() && i + len <= n; len++) {
                out.add(new Feature("c=" + s.substring(i, i + len), base + i, base + i + len));
            }
        }
        if (settings.negation()) {
            scoped(s, base, hanNegators, "n=", out);
        }
        if (settings.intensifiers()) {
            scoped(s, base, hanIntensifiers, "i=", out);
        }
    }

    /** For each cue word in a Han run, a feature of the (up to two) characters that follow it. */
    private static void scoped(String s, int base, List<String> cueWords, String prefix, List<Feature> out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            for (String cue : cueWords) {
                if (cue.charAt(0) != c) {
                    continue;
                }
                if (s.startsWith(cue, i)) {
                    int from = i + cue.length();
                    int to = Math.min(s.length(), from + 2);
                    if (to > from) {
                        out.add(new Feature(prefix + s.substring(from, to), base + i, base + to));
                    }
                    i = from - 1;
                    break;
                }
            }
        }
    }

    private void emoji(Token t, List<Feature> out) {
        if (!settings.emoji()) {
            return;
        }
        out.add(new Feature("e=" + t.norm(), t.start(), t.end()));
        if (negativeEmoji.contains(t.norm())) {
            out.add(new Feature("emo=neg", t.start(), t.end()));
        } else if (positiveEmoji.contains(t.norm())) {
            out.add(new Feature("emo=pos", t.start(), t.end()));
        }
    }

    private static boolean isShouted(String original, Token t) {
        if (t.end() - t.start() < 3 || t.norm().startsWith("<")) {
            return false;
        }
        for (int i = t.start(); i < t.end(); i++) {
            char c = original.charAt(i);
            if (Character.isLetter(c) && !Character.isUpperCase(c)) {
                return false;
            }
        }
        return true;
    }

    private static String lengthBucket(String text) {
        int chars = 0;
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                chars++;
            }
        }
        return chars <= 5 ? "xs" : chars <= 15 ? "s" : chars <= 40 ? "m" : chars <= 100 ? "l" : "xl";
    }

    private static Set<String> normalized(List<String> words) {
        Set<String> set = new HashSet<>();
        words.forEach(w -> set.add(MessageTokenizer.normalize(w.strip())));
        return Set.copyOf(set);
    }

    private static List<String> longestFirst(List<String> words) {
        List<String> list = new ArrayList<>(normalized(words));
        list.sort((a, b) -> b.length() != a.length() ? b.length() - a.length() : a.compareTo(b));
        return List.copyOf(list);
    }
}
