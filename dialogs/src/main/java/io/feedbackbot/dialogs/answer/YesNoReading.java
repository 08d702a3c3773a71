package io.feedbackbot.dialogs.answer;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a yes or a no: the whole reply ({@code 是的}, {@code nope}, {@code 👍👍}), or a yes/no word that opens the reply
 * followed by punctuation or a space ({@code 是的，解决了}, {@code no, still broken}). Doubt anywhere ({@code 不知道},
 * {@code not sure}, {@code maybe}) is not understood, and so is a reply that holds only other words.
 */
final class YesNoReading {

    private static final Set<String> YES = Set.of("是", "是的", "是啊", "是呀", "对", "对的", "对啊", "对呀", "好", "好的",
            "好啊", "好呀", "好了", "可以", "行", "嗯", "嗯嗯", "恩", "有", "有的", "要", "需要", "解决了", "已解决", "没问题",
            "yes", "yeah", "yep", "yup", "ya", "yea", "yes please", "y", "sure", "ok", "okay", "k", "kk", "of course",
            "absolutely", "definitely", "correct", "right", "true", "no problem", "no worries", "👍", "✅", "✔", "👌", "☑",
            "🙆");
    private static final Set<String> NO = Set.of("不", "不是", "不是的", "否", "没有", "没", "不对", "不行", "不好", "不可以",
            "不用", "不要", "不需要", "没解决", "未解决", "还没", "还没有", "no", "nope", "n", "nah", "no way", "not really",
            "never", "negative", "false", "👎", "❌", "✖", "❎", "🙅", "✗");
    private static final List<String> DOUBT = List.of("不知道", "不确定", "不清楚", "说不好", "不好说", "不一定", "也许", "可能",
            "maybe", "not sure", "unsure", "idk", "dunno", "don't know", "do not know", "no idea", "not certain",
            "perhaps", "kind of", "sort of", "yes and no", "是也不是");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s,.!~。、]+$");
    private static final List<String> COURTESY = List.of("谢谢你", "谢谢您", "谢谢", "多谢", "谢了", "thank you", "thanks",
            "thx", "ty");
    private static final List<String> OPENERS = YES.stream().filter(w -> !w.codePoints().allMatch(YesNoReading::isEmoji))
            .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    private static final List<String> NO_OPENERS = NO.stream().filter(w -> !w.codePoints().allMatch(YesNoReading::isEmoji))
            .sorted(Comparator.comparingInt(String::length).reversed()).toList();

    private YesNoReading() {
    }

    static ParsedAnswer read(String normalized) {
        if (DOUBT.stream().anyMatch(normalized::contains)) {
            return new ParsedAnswer.NotUnderstood();
        }
        String s = withoutCourtesy(normalized);
        if (YES.contains(s) || allOf(s, YES)) {
            return new ParsedAnswer.YesNo(true);
        }
        if (NO.contains(s) || allOf(s, NO)) {
            return new ParsedAnswer.YesNo(false);
        }
        String yes = opener(s, OPENERS);
        String no = opener(s, NO_OPENERS);
        if (yes.length() != no.length()) {
            return new ParsedAnswer.YesNo(yes.length() > no.length());
        }
        return new ParsedAnswer.NotUnderstood();
    }

    private static String withoutCourtesy(String s) {
        for (String thanks : COURTESY) {
            int cut = s.length() - thanks.length();
            if (s.endsWith(thanks) && cut > 0 && !NumberScanner.isLatinLetter(s.charAt(cut - 1))) {
                return TRAILING_PUNCTUATION.matcher(s.substring(0, cut)).replaceAll("");
            }
        }
        return s;
    }

    /** The longest word that opens {@code s} and is followed by punctuation or a space; empty when none. */
    private static String opener(String s, List<String> words) {
        for (String word : words) {
            if (s.startsWith(word) && s.length() > word.length()) {
                char next = s.charAt(word.length());
                if (next == ' ' || ",.!?;:~、。—-".indexOf(next) >= 0) {
                    return word;
                }
            }
        }
        return "";
    }

    /** True for a reply made only of emoji from {@code set}, like {@code 👍👍👍}. */
    private static boolean allOf(String s, Set<String> set) {
        String compact = s.replace(" ", "");
        return !compact.isEmpty() && compact.codePoints().allMatch(cp -> isEmoji(cp) && set.contains(Character.toString(cp)));
    }

    private static boolean isEmoji(int cp) {
        return Character.getType(cp) == Character.OTHER_SYMBOL;
    }
}
