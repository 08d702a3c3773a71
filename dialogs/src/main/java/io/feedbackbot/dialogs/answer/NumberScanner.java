package io.feedbackbot.dialogs.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Finds every number in normalised text: ASCII digits (with a sign or a decimal part), Chinese numerals, English
 * number words and runs of star symbols. Skips what is a number but cannot be a rating: digit runs of five or more
 * (order and phone numbers), ordinals after {@code 第}, and {@code 十分} used as the adverb "very" ({@code 十分满意}).
 */
final class NumberScanner {

    private static final int LONGEST_RATING_DIGITS = 4;
    private static final String PARTICLES = "吧啦了呀啊哦噢呢嘛哈吗的";

    private NumberScanner() {
    }

    static List<NumberToken> scan(String s) {
        List<NumberToken> tokens = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (isAsciiDigit(c)) {
                i = digits(s, i, tokens);
            } else if (NumberWords.isHanNumeral(c)) {
                i = han(s, i, tokens);
            } else if (isLatinLetter(c)) {
                i = word(s, i, tokens);
            } else if (isStar(s.codePointAt(i))) {
                i = stars(s, i, tokens);
            } else {
                i += Character.charCount(s.codePointAt(i));
            }
        }
        return tokens;
    }

    static boolean isParticle(char c) {
        return PARTICLES.indexOf(c) >= 0;
    }

    static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    static boolean isLatinLetter(char c) {
        return c >= 'a' && c <= 'z';
    }

    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digits(String s, int i, List<NumberToken> tokens) {
        int end = skipDigits(s, i);
        String whole = s.substring(i, end);
        boolean fractional = false;
        if (end + 1 < s.length() && s.charAt(end) == '.' && isAsciiDigit(s.charAt(end + 1))) {
            int fractionEnd = skipDigits(s, end + 1);
            fractional = !s.substring(end + 1, fractionEnd).chars().allMatch(d -> d == '0');
            end = fractionEnd;
        }
        if (whole.length() > LONGEST_RATING_DIGITS) {
            return end;
        }
        int value = Integer.parseInt(whole);
        boolean negative = i > 0 && s.charAt(i - 1) == '-' && (i == 1 || s.charAt(i - 2) == ' ');
        if (negative) {
            tokens.add(new NumberToken(i - 1, end, List.of(-value), NumberToken.Kind.DIGITS));
        } else {
            List<Integer> values = fractional ? List.of(value, value + 1) : List.of(value);
            tokens.add(new NumberToken(i, end, values, NumberToken.Kind.DIGITS));
        }
        return end;
    }

    private static int han(String s, int i, List<NumberToken> tokens) {
        int end = i;
        while (end < s.length() && NumberWords.isHanNumeral(s.charAt(end))) {
            end++;
        }
        String run = s.substring(i, end);
        boolean ordinal = i > 0 && s.charAt(i - 1) == '第';
        List<Integer> values = NumberWords.han(run);
        if (!ordinal && !isAdverb(run, s, end) && !values.isEmpty()) {
            tokens.add(new NumberToken(i, end, values, NumberToken.Kind.HAN));
        }
        return end;
    }

    /** 十分满意, 十二分满意, 百分百: "very", "extremely", "totally" — a degree, not a score. */
    private static boolean isAdverb(String run, String s, int end) {
        boolean degreeWord = run.equals("十") || run.equals("十二") || run.equals("百");
        return degreeWord && end + 1 < s.length() && s.charAt(end) == '分'
                && isHan(s.charAt(end + 1)) && !isParticle(s.charAt(end + 1));
    }

    private static int word(String s, int i, List<NumberToken> tokens) {
        int end = wordEnd(s, i);
        OptionalInt value = NumberWords.english(s.substring(i, end));
        if (value.isEmpty()) {
            return end;
        }
        int total = value.getAsInt();
        if (total >= 20 && total % 10 == 0 && end + 1 < s.length() && s.charAt(end) == ' ') {
            int unitEnd = wordEnd(s, end + 1);
            OptionalInt unit = NumberWords.english(s.substring(end + 1, unitEnd));
            if (unit.isPresent() && unit.getAsInt() >= 1 && unit.getAsInt() <= 9) {
                total += unit.getAsInt();
                end = unitEnd;
            }
        }
        tokens.add(new NumberToken(i, end, List.of(total), NumberToken.Kind.WORD));
        return end;
    }

    private static int stars(String s, int i, List<NumberToken> tokens) {
        int end = i;
        int filled = 0;
        while (end < s.length()) {
            int cp = s.codePointAt(end);
            if (isStar(cp)) {
                filled += cp == '☆' ? 0 : 1;
                end += Character.charCount(cp);
            } else if (cp == ' ' && end + 1 < s.length() && isStar(s.codePointAt(end + 1))) {
                end++;
            } else {
                break;
            }
        }
        tokens.add(new NumberToken(i, end, List.of(filled), NumberToken.Kind.STARS));
        return end;
    }

    private static boolean isStar(int cp) {
        return cp == 0x2B50 || cp == '★' || cp == '☆' || cp == 0x1F31F;  // ⭐ ★ ☆ 🌟
    }

    private static int skipDigits(String s, int i) {
        int end = i;
        while (end < s.length() && isAsciiDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }

    private static int wordEnd(String s, int i) {
        int end = i;
        while (end < s.length() && (isLatinLetter(s.charAt(end))
                || (end > i && "-'".indexOf(s.charAt(end)) >= 0 && end + 1 < s.length()
                && isLatinLetter(s.charAt(end + 1))))) {
            end++;
        }
        return end;
    }
}
