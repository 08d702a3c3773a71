package io.feedbackbot.dialogs.answer;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Numbers written as words: Chinese numerals up to 999 and English cardinals and ordinals up to ninety-nine.
 * Returns nothing for anything it cannot read with certainty, never a guess.
 */
final class NumberWords {

    private static final String HAN_DIGITS = "零〇一二两俩三四五六七八九";
    private static final int[] HAN_DIGIT_VALUES = {0, 0, 1, 2, 2, 2, 3, 4, 5, 6, 7, 8, 9};

    private static final List<String> ENGLISH_UNITS = List.of("zero", "one", "two", "three", "four", "five", "six",
            "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
            "seventeen", "eighteen", "nineteen");
    private static final List<String> ENGLISH_TENS = List.of("", "", "twenty", "thirty", "forty", "fifty", "sixty",
            "seventy", "eighty", "ninety");
    private static final Map<String, Integer> ENGLISH_ORDINALS = Map.of("first", 1, "second", 2, "third", 3,
            "fourth", 4, "fifth", 5, "sixth", 6, "seventh", 7, "eighth", 8, "ninth", 9, "tenth", 10);

    private NumberWords() {
    }

    static boolean isHanNumeral(char c) {
        return HAN_DIGITS.indexOf(c) >= 0 || c == '十' || c == '百';
    }

    /**
     * The value of a run of Chinese numerals: one value ({@code 九} 9, {@code 十一} 11, {@code 一百零五} 105), or two
     * for the colloquial approximation of adjacent digits ({@code 七八} 7 or 8, {@code 两三} 2 or 3); empty when
     * malformed.
     */
    static List<Integer> han(String run) {
        if (run.length() == 2 && hanDigit(run.charAt(0)) >= 1 && hanDigit(run.charAt(1)) == hanDigit(run.charAt(0)) + 1) {
            return List.of(hanDigit(run.charAt(0)), hanDigit(run.charAt(1)));
        }
        int hundred = run.indexOf('百');
        if (hundred < 0) {
            int below = belowHundred(run);
            return below < 0 ? List.of() : List.of(below);
        }
        int multiplier = leadingDigit(run.substring(0, hundred));
        String rest = run.substring(hundred + 1);
        if (rest.startsWith("零") || rest.startsWith("〇")) {
            rest = rest.substring(1);
            if (rest.length() != 1) {
                return List.of();
            }
        } else if (rest.length() == 1) {
            return List.of();  // 一百五 is colloquial 150: too rare to risk reading as 105
        }
        int below = rest.isEmpty() ? 0 : belowHundred(rest);
        return multiplier < 1 || below < 0 ? List.of() : List.of(multiplier * 100 + below);
    }

    /** An English cardinal: {@code nine}, {@code twenty}, {@code twenty-one}; empty for any other word. */
    static OptionalInt english(String word) {
        int unit = ENGLISH_UNITS.indexOf(word);
        if (unit >= 0) {
            return OptionalInt.of(unit);
        }
        int tens = ENGLISH_TENS.indexOf(word);
        if (tens >= 2) {
            return OptionalInt.of(tens * 10);
        }
        int hyphen = word.indexOf('-');
        if (hyphen > 0) {
            int t = ENGLISH_TENS.indexOf(word.substring(0, hyphen));
            int u = ENGLISH_UNITS.indexOf(word.substring(hyphen + 1));
            if (t >= 2 && u >= 1 && u <= 9) {
                return OptionalInt.of(t * 10 + u);
            }
        }
        return OptionalInt.empty();
    }

    /** An English ordinal word from {@code first} to {@code tenth}. */
    static OptionalInt englishOrdinal(String word) {
        Integer n = ENGLISH_ORDINALS.get(word);
        return n == null ? OptionalInt.empty() : OptionalInt.of(n);
    }

    private static int belowHundred(String run) {
        int ten = run.indexOf('十');
        if (ten < 0) {
            return run.length() == 1 ? hanDigit(run.charAt(0)) : -1;
        }
        int tens = ten == 0 ? 1 : leadingDigit(run.substring(0, ten));
        String after = run.substring(ten + 1);
        int units = after.isEmpty() ? 0 : after.length() == 1 ? hanDigit(after.charAt(0)) : -1;
        return tens < 1 || units < 0 ? -1 : tens * 10 + units;
    }

    private static int leadingDigit(String s) {
        if (s.isEmpty()) {
            return 1;
        }
        return s.length() == 1 ? hanDigit(s.charAt(0)) : -1;
    }

    private static int hanDigit(char c) {
        int i = HAN_DIGITS.indexOf(c);
        return i < 0 ? -1 : HAN_DIGIT_VALUES[i];
    }
}
