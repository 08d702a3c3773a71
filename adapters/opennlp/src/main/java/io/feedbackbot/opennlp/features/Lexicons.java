package io.feedbackbot.opennlp.features;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The word lists the features use, by name ({@code negators}, {@code complaint-cues}, {@code category-delivery},
 * ...). A trained model carries a copy of the lists it was trained with, so it always scores with the same ones.
 * Immutable.
 *
 * @param lists lexicon name to its phrases, in file order
 */
public record Lexicons(Map<String, List<String>> lists) {

    /** Where the shipped lexicons live on the classpath; {@code index.txt} there names the files. */
    public static final String CLASSPATH_DIR = "/io/feedbackbot/opennlp/lexicon/";

    public static final Lexicons EMPTY = new Lexicons(Map.of());

    public Lexicons {
        Map<String, List<String>> copy = new TreeMap<>();
        lists.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        lists = java.util.Collections.unmodifiableMap(copy);
    }

    /** The phrases of one list, empty when there is no such list. */
    public List<String> get(String name) {
        return lists.getOrDefault(name, List.of());
    }

    /** Category names that have a {@code category-NAME} list. */
    public List<String> categoryNames() {
        return lists.keySet().stream().filter(k -> k.startsWith("category-")).map(k -> k.substring(9)).toList();
    }

    /** The lexicons shipped in this jar. */
    public static Lexicons shipped() {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String name : parse(read(CLASSPATH_DIR + "index.txt"))) {
            texts.put(name, read(CLASSPATH_DIR + name + ".txt"));
        }
        return fromTexts(texts);
    }

    /** Lexicons from file contents: one phrase a line, {@code #} starts a comment line. */
    public static Lexicons fromTexts(Map<String, String> texts) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        texts.forEach((name, text) -> lists.put(name, parse(text)));
        return new Lexicons(lists);
    }

    /** The lists as file contents, the inverse of {@link #fromTexts}. */
    public Map<String, String> toTexts() {
        Map<String, String> texts = new LinkedHashMap<>();
        lists.forEach((name, phrases) -> texts.put(name, String.join("\n", phrases) + "\n"));
        return texts;
    }

    private static List<String> parse(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            String s = line.strip();
            if (!s.isEmpty() && !s.startsWith("#")) {
                out.add(s);
            }
        }
        return out;
    }

    private static String read(String resource) {
        try (InputStream in = Lexicons.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read classpath resource " + resource, e);
        }
    }
}
