package io.feedbackbot.reports.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The candidate phrases of one comment, each once. Chinese (runs of Han characters) by character n-grams of 2–6
 * that neither start nor end with a stop character and are not stop words themselves (long enough for
 * "骑手态度差" to be one phrase rather than two overlapping pieces); English and other Latin-script words by
 * single words (three letters or more, no stop words, no negations alone) and pairs of consecutive words once stop
 * words are left out, where the first may be a negation ("the food was cold" gives "food cold", "was not fresh"
 * gives "not fresh"). Punctuation ends a clause; numbers are ignored. Pure; mixed-language comments yield both.
 */
public final class PhraseExtractor {

    private static final int MIN_GRAM = 2;
    static final int MAX_GRAM = 6;

    public Set<String> phrases(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text == null) {
            return out;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder han = new StringBuilder();
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            i += Character.charCount(cp);
            if (isHan(cp)) {
                endWord(word, words);
                flushWords(words, out);
                han.appendCodePoint(cp);
            } else if (Character.isLetterOrDigit(cp) || (cp == '\'' && word.length() > 0)) {
                flushHan(han, out);
                word.appendCodePoint(cp);
            } else {
                flushHan(han, out);
                endWord(word, words);
                if (!Character.isWhitespace(cp)) {
                    flushWords(words, out);
                }
            }
        }
        flushHan(han, out);
        endWord(word, words);
        flushWords(words, out);
        return out;
    }

    static boolean isHan(int codePoint) {
        return (codePoint >= 0x4E00 && codePoint <= 0x9FFF) || (codePoint >= 0x3400 && codePoint <= 0x4DBF)
                || (codePoint >= 0xF900 && codePoint <= 0xFAFF) || (codePoint >= 0x20000 && codePoint <= 0x2FA1F);
    }

    private static void flushHan(StringBuilder run, Set<String> out) {
        if (run.length() == 0) {
            return;
        }
        int[] cps = run.codePoints().toArray();
        for (int n = MIN_GRAM; n <= MAX_GRAM; n++) {
            for (int start = 0; start + n <= cps.length; start++) {
                int first = cps[start];
                int last = cps[start + n - 1];
                if (edge(first) || edge(last)) {
                    continue;
                }
                String gram = new String(cps, start, n);
                if (!StopWords.CHINESE.contains(gram)) {
                    out.add(gram);
                }
            }
        }
        run.setLength(0);
    }

    private static boolean edge(int codePoint) {
        return codePoint <= 0xFFFF && StopWords.CHINESE_EDGE.contains((char) codePoint);
    }

    private static void endWord(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            String w = word.toString();
            while (w.endsWith("'")) {
                w = w.substring(0, w.length() - 1);
            }
            words.add(w);
            word.setLength(0);
        }
    }

    /** Words of one clause (punctuation ends a clause, so phrases never span "late, cold"). */
    private static void flushWords(List<String> words, Set<String> out) {
        List<String> kept = new ArrayList<>(words.size());
        for (String w : words) {
            if (content(w) || StopWords.ENGLISH_NEGATIONS.contains(w)) {
                kept.add(w);
            }
        }
        for (int i = 0; i < kept.size(); i++) {
            String w = kept.get(i);
            if (content(w) && w.length() >= 3) {
                out.add(w);
            }
            if (i + 1 < kept.size() && content(kept.get(i + 1))) {
                out.add(w + " " + kept.get(i + 1));
            }
        }
        words.clear();
    }

    private static boolean content(String word) {
        return !StopWords.ENGLISH.contains(word) && !StopWords.ENGLISH_NEGATIONS.contains(word)
                && !word.chars().allMatch(Character::isDigit) && word.length() >= 2;
    }
}
