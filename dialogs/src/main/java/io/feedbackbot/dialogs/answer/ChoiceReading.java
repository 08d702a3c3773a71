package io.feedbackbot.dialogs.answer;

import io.feedbackbot.dialogs.text.TextNormalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads which option a reply picks, in this order: a label that is the whole reply (ignoring case, spaces and
 * punctuation); the option's position ({@code 1}, {@code 一}, {@code 第一个}, {@code option 1}, {@code the first one},
 * {@code 2nd}); its letter ({@code a}, {@code (B)}), as options may be shown lettered; a label contained in the reply
 * (Chinese labels anywhere, Latin labels as whole words), skipping a label inside a longer matching label
 * ({@code 满意} in {@code 非常满意}) and a label after a negation ({@code 不太满意}). Two options matched: ambiguous.
 */
final class ChoiceReading {

    private static final List<String> PREFIXES = List.of("i choose", "i pick", "i'd say", "option", "choice", "number",
            "answer", "pick", "no.", "the", "no", "#", "选项", "选择", "我选", "选", "第");
    private static final List<String> SUFFIXES = List.of("option", "choice", "one", "个吧", "项吧", "个", "项", "号", "条",
            "种", "吧");
    private static final Pattern ORDINAL_DIGITS = Pattern.compile("(\\d{1,4})(?:st|nd|rd|th)?");
    private static final Pattern LETTER = Pattern.compile("(?:option |choice |选项?\\s*)?\\(?([a-z])\\)?");
    private static final List<String> NEGATIONS = List.of("不", "没", "并不", "不太", "不是很", "不怎么", "不够", "没那么",
            "n't");
    private static final List<String> NEGATION_WORDS = List.of("not", "not very", "not too", "never");

    private ChoiceReading() {
    }

    /** An occurrence of option {@code option}'s label in the reply, at {@code [start, end)}. */
    private record Hit(int start, int end, int option) {
    }

    static ParsedAnswer read(String s, List<List<String>> optionLabels) {
        if (s.isEmpty()) {
            return new ParsedAnswer.NotUnderstood();
        }
        List<Integer> exact = new ArrayList<>();
        for (int i = 0; i < optionLabels.size(); i++) {
            for (String label : optionLabels.get(i)) {
                if (key(TextNormalizer.normalize(label)).equals(key(s)) && !exact.contains(i)) {
                    exact.add(i);
                }
            }
        }
        if (!exact.isEmpty()) {
            return pick(exact);
        }
        OptionalInt position = position(s);
        if (position.isPresent()) {
            int n = position.getAsInt();
            return n >= 1 && n <= optionLabels.size() ? new ParsedAnswer.Choice(n - 1) : new ParsedAnswer.OutOfRange(n);
        }
        Matcher letter = LETTER.matcher(s);
        if (letter.matches()) {
            int index = letter.group(1).charAt(0) - 'a';
            return index < optionLabels.size() ? new ParsedAnswer.Choice(index) : new ParsedAnswer.NotUnderstood();
        }
        return pick(contained(s, optionLabels));
    }

    private static ParsedAnswer pick(List<Integer> options) {
        List<Integer> sorted = options.stream().distinct().sorted().toList();
        if (sorted.isEmpty()) {
            return new ParsedAnswer.NotUnderstood();
        }
        return sorted.size() == 1 ? new ParsedAnswer.Choice(sorted.get(0)) : new ParsedAnswer.Ambiguous(sorted);
    }

    private static OptionalInt position(String s) {
        String core = strip(s);
        Matcher digits = ORDINAL_DIGITS.matcher(core);
        if (digits.matches()) {
            return OptionalInt.of(Integer.parseInt(digits.group(1)));
        }
        if (!core.isEmpty() && core.chars().allMatch(c -> NumberWords.isHanNumeral((char) c))) {
            List<Integer> values = NumberWords.han(core);
            return values.size() == 1 ? OptionalInt.of(values.get(0)) : OptionalInt.empty();
        }
        OptionalInt word = NumberWords.english(core);
        return word.isPresent() ? word : NumberWords.englishOrdinal(core);
    }

    /** The reply without the words around a position: {@code 第一个} is {@code 一}, {@code option 2} is {@code 2}. */
    private static String strip(String s) {
        String core = s;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String prefix : PREFIXES) {
                if (core.startsWith(prefix) && core.length() > prefix.length()) {
                    core = core.substring(prefix.length()).stripLeading();
                    changed = true;
                }
            }
            for (String suffix : SUFFIXES) {
                if (core.endsWith(suffix) && core.length() > suffix.length()) {
                    core = core.substring(0, core.length() - suffix.length()).stripTrailing();
                    changed = true;
                }
            }
        }
        return core;
    }

    private static List<Integer> contained(String s, List<List<String>> optionLabels) {
        List<Hit> hits = new ArrayList<>();
        for (int option = 0; option < optionLabels.size(); option++) {
            for (String raw : optionLabels.get(option)) {
                String label = TextNormalizer.normalize(raw);
                boolean chinese = label.chars().anyMatch(c -> NumberScanner.isHan((char) c));
                for (int at = label.isEmpty() ? -1 : s.indexOf(label); at >= 0; at = s.indexOf(label, at + 1)) {
                    int end = at + label.length();
                    if ((chinese || wholeWords(s, at, end)) && !negated(s.substring(0, at))) {
                        hits.add(new Hit(at, end, option));
                    }
                }
            }
        }
        return outermost(hits);
    }

    /** The options of hits not inside a longer hit, in one sweep by start (a long reply can hold many hits). */
    private static List<Integer> outermost(List<Hit> hits) {
        hits.sort(Comparator.comparingInt(Hit::start).thenComparing(Comparator.comparingInt(Hit::end).reversed()));
        List<Integer> options = new ArrayList<>();
        Hit widest = null;  // of the hits so far, the one reaching furthest; the earliest on a tie
        for (Hit hit : hits) {
            boolean sameSpan = widest != null && widest.start() == hit.start() && widest.end() == hit.end();
            if (widest == null || widest.end() < hit.end() || sameSpan) {
                options.add(hit.option());
            }
            if (widest == null || widest.end() < hit.end()) {
                widest = hit;
            }
        }
        return options;
    }

    private static boolean wholeWords(String s, int start, int end) {
        return (start == 0 || !Character.isLetterOrDigit(s.charAt(start - 1)))
                && (end == s.length() || !Character.isLetterOrDigit(s.charAt(end)));
    }

    private static boolean negated(String before) {
        String b = before.stripTrailing();
        return NEGATIONS.stream().anyMatch(b::endsWith) || NEGATION_WORDS.stream().anyMatch(n -> b.endsWith(n)
                && (n.length() == b.length() || !NumberScanner.isLatinLetter(b.charAt(b.length() - n.length() - 1))));
    }

    private static String key(String normalized) {
        StringBuilder key = new StringBuilder();
        normalized.codePoints().filter(Character::isLetterOrDigit).forEach(key::appendCodePoint);
        return key.length() == 0 ? normalized : key.toString();
    }
}
