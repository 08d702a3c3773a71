package io.feedbackbot.reports.text;

import java.util.Set;

/**
 * Short stop-word lists for phrase counting. Chinese: characters that never start or end a phrase worth showing
 * (particles, pronouns, structural words) and common function words; negations (不, 没, not, no, never) are
 * kept, because "不新鲜" and "not fresh" are the complaint. English: articles, pronouns, auxiliaries,
 * prepositions, and filler that says nothing about the experience.
 */
public final class StopWords {

    /** Chinese characters a phrase may not start or end with. */
    static final Set<Character> CHINESE_EDGE = Set.of('的', '了', '吗', '呢', '吧', '啊', '呀', '哦', '嗯', '哈', '啦',
            '我', '你', '您', '他', '她', '它', '们', '是', '也', '都', '就', '还', '在', '和', '与', '及', '这', '那',
            '个', '把', '被', '给', '让', '得', '地', '着', '过', '又', '很', '有', '要', '会', '能', '对', '说', '跟');

    /** Chinese words that are not phrases on their own. */
    static final Set<String> CHINESE = Set.of("一个", "一下", "一点", "这个", "那个", "这次", "这样", "那样", "什么",
            "怎么", "为什么", "因为", "所以", "但是", "可是", "然后", "而且", "已经", "就是", "还是", "觉得", "感觉",
            "真的", "非常", "特别", "比较", "有点", "一直", "没有", "不是", "可以", "希望", "谢谢", "你们", "我们",
            "他们", "自己", "东西", "时候", "现在", "今天", "昨天", "问题");

    /** English words dropped from phrases. */
    static final Set<String> ENGLISH = Set.of("a", "an", "the", "and", "or", "but", "if", "so", "than", "then", "as",
            "i", "me", "my", "mine", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her", "it", "its",
            "they", "them", "their", "this", "that", "these", "those", "there", "here", "what", "which", "who",
            "is", "am", "are", "was", "were", "be", "been", "being", "do", "does", "did", "have", "has", "had",
            "will", "would", "could", "should", "can", "may", "might", "must", "shall", "to", "of", "in", "on",
            "at", "by", "for", "with", "from", "about", "into", "over", "after", "before", "up", "down", "out",
            "off", "again", "just", "very", "really", "too", "also", "all", "any", "some", "more", "most", "much",
            "quite", "still", "even", "only", "got", "get", "it's", "i'm", "i've", "ok", "okay",
            "thanks", "thank", "please", "yes", "well", "like", "one", "time", "when", "how", "why", "because");

    /** English negations: kept as the first word of a two-word phrase, never alone. */
    static final Set<String> ENGLISH_NEGATIONS = Set.of("not", "no", "never", "nothing", "didn't", "don't",
            "wasn't", "isn't", "won't", "can't", "couldn't");

    private StopWords() {
    }
}
