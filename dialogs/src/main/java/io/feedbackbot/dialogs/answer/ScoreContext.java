package io.feedbackbot.dialogs.answer;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words around a number that tell whether the customer meant it as a rating: units after it ({@code 分},
 * {@code stars} say yes; {@code 分钟}, {@code minutes}, {@code 个} say no), words before it ({@code 给}, {@code I'd say}
 * say yes; {@code order}, {@code #}, {@code 第} say no). {@link ReplyShape} tells whether a number stands alone.
 */
final class ScoreContext {

    /** What follows a number. */
    enum Unit { SCORE, STARS, OTHER, NONE }

    /** Minutes, fractions (三分之一) and "more than" after a number, none of which is a score. */
    private static final List<String> NOT_SCORE_AFTER_ZH = List.of("分钟", "分鐘", "分之", "分半", "分多");
    private static final List<String> STARS_ZH = List.of("颗星", "顆星", "个星", "星");
    private static final List<String> OTHER_UNITS_ZH = List.of("个", "位", "件", "份", "次", "块", "元", "圆", "毛", "角",
            "天", "日", "周", "星期", "礼拜", "月", "年", "岁", "号", "点", "楼", "层", "米", "公里", "斤", "人", "多", "几", "来",
            "遍", "趟", "杯", "瓶", "碗", "盒", "套", "台", "张", "条", "页", "秒", "小时", "钟", "单", "样", "道", "家", "只", "%",
            "$", "¥", "€", "£", "+");
    private static final Set<String> SCORE_UNITS_EN = Set.of("points", "point", "pts", "pt");
    private static final Set<String> STARS_EN = Set.of("stars", "star");
    private static final Set<String> OTHER_UNITS_EN = Set.of("minute", "minutes", "min", "mins", "hour", "hours", "hr",
            "hrs", "h", "day", "days", "week", "weeks", "month", "months", "year", "years", "yr", "yrs", "time", "times",
            "people", "person", "persons", "item", "items", "dollar", "dollars", "buck", "bucks", "usd", "rmb", "yuan",
            "km", "mile", "miles", "kg", "lb", "lbs", "am", "pm", "percent", "sec", "secs", "second", "seconds", "x",
            "th", "st", "nd", "rd", "o'clock", "orders", "order", "calls", "emails", "messages");
    private static final List<String> NEUTRAL_AFTER_ZH = List.of("之间", "左右", "上下", "吧", "啦", "了", "呀", "啊", "哦",
            "噢", "呢", "嘛", "哈", "吗", "的");

    private static final List<String> ID_BEFORE = List.of("#", "$", "¥", "€", "£", "第", "no.", "订单", "单号", "电话",
            "手机", "桌", "房间", "航班");
    private static final Set<String> ID_BEFORE_EN = Set.of("no", "nr", "order", "tel", "phone", "room", "table",
            "number", "num", "id", "at", "by", "until", "till", "before", "after", "flight", "bus", "gate", "line",
            "version", "v", "ticket", "invoice", "ref", "rmb", "usd");

    private static final List<String> CUE_SUFFIX_ZH = List.of("给", "打", "评", "评分", "打分", "分数", "得分", "评价", "给予");
    private static final List<String> CUE_SKIP_ZH = List.of("一个", "个", "了", "你们", "你", "您", "是", "为", ":", " ");
    private static final Set<String> CUES_EN = Set.of("give", "gives", "gave", "giving", "say", "rate", "rated",
            "rating", "score", "scored", "solid", "strong", "perfect", "maybe", "perhaps", "probably", "or");
    private static final Set<String> CUE_SKIP_EN = Set.of("it", "you", "u", "them", "us", "this", "that", "a", "an",
            "em", "'em", "y'all", "ya");

    /** Cues and identifiers sit right before a number; only this much of the text before it is read. */
    private static final int CUE_WINDOW = 24;

    private ScoreContext() {
    }

    static Unit unitAfter(String after) {
        String a = after.stripLeading();
        if (startsWithAny(a, NOT_SCORE_AFTER_ZH) && !a.startsWith("分之间")) {
            return Unit.OTHER;
        }
        if (startsWithAny(a, STARS_ZH)) {
            return Unit.STARS;
        }
        if (a.startsWith("分")) {
            return Unit.SCORE;
        }
        String word = firstWord(a);
        if (STARS_EN.contains(word)) {
            return Unit.STARS;
        }
        if (SCORE_UNITS_EN.contains(word)) {
            return Unit.SCORE;
        }
        return OTHER_UNITS_EN.contains(word) || startsWithAny(a, OTHER_UNITS_ZH) ? Unit.OTHER : Unit.NONE;
    }

    /** True when the number is part of a word, a time or a code ({@code 5th}, {@code 3:30}, {@code a5}, {@code 一般}). */
    static boolean glued(String before, String after) {
        if (!after.isEmpty()) {
            char c = after.charAt(0);
            if (NumberScanner.isLatinLetter(c) || c == '%'
                    || (c == ':' && after.length() > 1 && NumberScanner.isAsciiDigit(after.charAt(1)))
                    || (NumberScanner.isHan(c) && !startsWithAny(after, NEUTRAL_AFTER_ZH))) {
                return true;
            }
        }
        if (!before.isEmpty()) {
            char c = before.charAt(before.length() - 1);
            boolean afterDigit = before.length() > 1 && NumberScanner.isAsciiDigit(before.charAt(before.length() - 2));
            return NumberScanner.isLatinLetter(c) || ((c == ':' || c == '.' || c == '/') && afterDigit);
        }
        return false;
    }

    static boolean identifierBefore(String before) {
        String b = tail(before).stripTrailing();
        return endsWithAny(b, ID_BEFORE) || ID_BEFORE_EN.contains(lastWord(b));
    }

    static boolean cueBefore(String before) {
        String b = tail(before);
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String skip : CUE_SKIP_ZH) {
                if (b.endsWith(skip)) {
                    b = b.substring(0, b.length() - skip.length());
                    stripped = true;
                }
            }
        }
        if (endsWithAny(b, CUE_SUFFIX_ZH)) {
            return true;
        }
        List<String> words = latinWords(tail(before));
        for (int i = words.size() - 1; i >= 0; i--) {
            if (CUES_EN.contains(words.get(i))) {
                return true;
            }
            if (!CUE_SKIP_EN.contains(words.get(i))) {
                return false;
            }
        }
        return false;
    }

    static String firstWord(String text) {
        int end = 0;
        while (end < text.length() && (NumberScanner.isLatinLetter(text.charAt(end)) || text.charAt(end) == '\'')) {
            end++;
        }
        return text.substring(0, end);
    }

    private static final Pattern NOT_LATIN = Pattern.compile("[^a-z']+");

    static List<String> latinWords(String text) {
        return List.of(NOT_LATIN.split(text)).stream().filter(w -> !w.isEmpty()).toList();
    }

    static boolean startsWithAny(String text, List<String> prefixes) {
        return prefixes.stream().anyMatch(text::startsWith);
    }

    static boolean endsWithAny(String text, List<String> suffixes) {
        return suffixes.stream().anyMatch(text::endsWith);
    }

    /** The end of {@code before}, cut at a space so no word is split. */
    private static String tail(String before) {
        if (before.length() <= CUE_WINDOW) {
            return before;
        }
        String tail = before.substring(before.length() - CUE_WINDOW);
        int space = tail.indexOf(' ');
        return space < 0 ? tail : tail.substring(space);
    }

    private static String lastWord(String text) {
        List<String> words = latinWords(text);
        return words.isEmpty() || !text.endsWith(words.get(words.size() - 1)) ? "" : words.get(words.size() - 1);
    }
}
