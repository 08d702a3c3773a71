package io.feedbackbot.dialogs.answer;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Whether a number stands alone in a reply: surrounded by nothing but filler words ({@code a nine}, {@code 我给九吧},
 * {@code I'd say maybe 8}), or set apart from a comment by punctuation ({@code 9, the driver was nice}).
 */
final class ReplyShape {

    private static final List<String> FILLERS_ZH = sortedLongestFirst(List.of("我", "给", "打", "评", "个", "吧", "了",
            "啊", "呀", "啦", "哦", "噢", "嗯", "恩", "就", "呢", "嘛", "哈", "的", "分", "大概", "可能", "应该", "差不多", "算",
            "是", "你们", "你", "您", "那", "颗", "星", "评分", "打分", "分数", "得分", "之间", "左右", "吧"));
    private static final Set<String> FILLERS_EN = Set.of("a", "an", "i", "i'd", "id", "i'll", "i'm", "im", "would",
            "will", "say", "give", "gave", "it", "its", "it's", "maybe", "about", "around", "probably", "prob", "solid",
            "definitely", "def", "so", "um", "umm", "uh", "hmm", "hm", "er", "erm", "ok", "okay", "well", "just", "guess",
            "score", "rating", "rate", "my", "is", "that", "the", "points", "point", "pts", "stars", "star", "out", "of",
            "you", "u", "guys", "honestly", "perhaps", "roughly", "easily", "easy", "strong", "only", "then", "lol",
            "haha", "me", "for", "between", "overall", "perfect", "like", "rather", "really");
    private static final Set<String> CONJUNCTIONS_EN = Set.of("because", "since", "cause", "cuz", "coz", "but", "and",
            "as", "though", "although", "overall", "bc");

    /** Longer than this, text around a number is a comment, not filler; bounds the work on long messages. */
    private static final int LONGEST_FILLER = 48;

    private ReplyShape() {
    }

    /** True when {@code text} holds nothing but filler words, punctuation, spaces and emoji. */
    static boolean onlyFillers(String text) {
        if (text.length() > LONGEST_FILLER) {
            return false;
        }
        String rest = text;
        for (String filler : FILLERS_ZH) {
            rest = rest.replace(filler, " ");
        }
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (NumberScanner.isHan(c) || NumberScanner.isAsciiDigit(c)) {
                return false;
            }
        }
        return FILLERS_EN.containsAll(ScoreContext.latinWords(rest));
    }

    /** Punctuation (not a list marker such as {@code 1.} or {@code 1、}), or a space before Chinese or "because". */
    static boolean separatedAfter(String after) {
        if (after.isEmpty()) {
            return true;
        }
        char c = after.charAt(0);
        if (",!?;:~-—–。(".indexOf(c) >= 0) {
            return true;
        }
        if (c != ' ' || after.length() < 2) {
            return false;
        }
        String rest = after.substring(1);
        return NumberScanner.isHan(rest.charAt(0)) || "-(".indexOf(rest.charAt(0)) >= 0
                || CONJUNCTIONS_EN.contains(ScoreContext.firstWord(rest));
    }

    static boolean separatedBefore(String before) {
        String b = before.stripTrailing();
        if (b.isEmpty()) {
            return true;
        }
        char c = b.charAt(b.length() - 1);
        return ",.!?;:~-—–。、".indexOf(c) >= 0 || (b.length() < before.length() && NumberScanner.isHan(c));
    }

    private static List<String> sortedLongestFirst(List<String> words) {
        return words.stream().distinct().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }
}
