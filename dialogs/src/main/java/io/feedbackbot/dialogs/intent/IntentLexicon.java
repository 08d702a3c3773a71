package io.feedbackbot.dialogs.intent;

import io.feedbackbot.dialogs.text.TextNormalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The words that signal each {@link Intent} on one account, in two kinds. A <em>keyword</em> matches only the whole
 * message ({@code T}, {@code STOP}, {@code 人工}): short or common words that would misfire inside a sentence. A
 * <em>phrase</em> matches inside a message: Chinese phrases as a substring ({@code 不要再发了}), Latin phrases as whole
 * words ({@code talk to a person}, so a phrase {@code agent} would match "I want an agent" but not "agents are slow").
 *
 * <p>Invariant: immutable; every entry is stored {@linkplain TextNormalizer#normalize(String) normalised}, so
 * {@code STOP}, {@code stop!} and {@code ＳＴＯＰ} are one keyword; no entry is blank; no intent lists an entry twice.
 * Accounts get their own lexicon: {@code defaults().plus(new IntentLexicon(Map.of(OPT_OUT, smsWords), Map.of()))}.
 */
public record IntentLexicon(Map<Intent, List<String>> keywords, Map<Intent, List<String>> phrases) {

    /**
     * Builds a lexicon from configuration lists; intents left out have no entries.
     *
     * @throws IllegalArgumentException naming the intent when an entry is blank
     */
    public IntentLexicon {
        keywords = normalized("keyword", keywords);
        phrases = normalized("phrase", phrases);
    }

    /** The lexicon every account starts from, in Chinese and English, with the usual SMS opt-out words. */
    public static IntentLexicon defaults() {
        return new IntentLexicon(
                Map.of(Intent.OPT_OUT, List.of("STOP", "UNSUBSCRIBE", "退订", "TD", "T", "R"),
                        Intent.QUIT, List.of("quit", "exit", "结束", "不想答了"),
                        Intent.LEAVE_QUEUE, List.of("取消", "取消人工", "不用人工了", "cancel", "never mind"),
                        Intent.HUMAN, List.of("agent", "human", "人工", "转人工", "客服", "customer service"),
                        Intent.OPT_IN, List.of("START", "UNSTOP", "YES"),
                        Intent.HELP, List.of("HELP", "INFO")),
                Map.of(Intent.OPT_OUT, List.of("不要再发了", "别再发了", "不要再给我发", "退订"),
                        Intent.QUIT, List.of("不想答了", "不想回答了", "stop the survey"),
                        Intent.HUMAN, List.of("转人工", "人工客服", "真人", "talk to a person", "speak to someone",
                                "real person", "talk to customer service")));
    }

    /** This lexicon with every entry of {@code more} added, intent by intent. */
    public IntentLexicon plus(IntentLexicon more) {
        return new IntentLexicon(union(keywords, more.keywords), union(phrases, more.phrases));
    }

    /** The normalised keywords of {@code intent}, possibly none. */
    public List<String> keywordsOf(Intent intent) {
        return keywords.getOrDefault(intent, List.of());
    }

    /** The normalised phrases of {@code intent}, possibly none. */
    public List<String> phrasesOf(Intent intent) {
        return phrases.getOrDefault(intent, List.of());
    }

    private static Map<Intent, List<String>> normalized(String kind, Map<Intent, ? extends Collection<String>> entries) {
        Objects.requireNonNull(entries, kind + "s");
        Map<Intent, List<String>> out = new EnumMap<>(Intent.class);
        entries.forEach((intent, words) -> {
            List<String> list = new ArrayList<>();
            for (String word : Objects.requireNonNull(words, () -> kind + "s of " + intent)) {
                String n = TextNormalizer.normalize(word);
                if (n.isEmpty()) {
                    throw new IllegalArgumentException("blank " + kind + " for intent " + intent + ": [" + word + "]");
                }
                if (!list.contains(n)) {
                    list.add(n);
                }
            }
            out.put(Objects.requireNonNull(intent, "intent"), List.copyOf(list));
        });
        return Collections.unmodifiableMap(out);
    }

    private static Map<Intent, List<String>> union(Map<Intent, List<String>> a, Map<Intent, List<String>> b) {
        Map<Intent, List<String>> out = new EnumMap<>(Intent.class);
        for (Intent intent : Intent.values()) {
            List<String> words = new ArrayList<>(a.getOrDefault(intent, List.of()));
            words.addAll(b.getOrDefault(intent, List.of()));
            if (!words.isEmpty()) {
                out.put(intent, words);
            }
        }
        return out;
    }
}
