package io.feedbackbot.opennlp.training;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.feedbackbot.opennlp.features.Lexicons;

/**
 * The project's own labelled corpus on the classpath ({@code corpus/zh.tsv}, {@code corpus/en.tsv}, plus optional
 * {@code corpus/extra-*.tsv} and {@code corpus/extra2-*.tsv} files in the three-column format) from which the shipped model is trained. Its
 * {@link #sha256} (corpus files and lexicons) is stored in the shipped model, so a test can tell when the model is
 * stale.
 */
public final class ShippedCorpus {

    public static final String DIR = "/io/feedbackbot/opennlp/corpus/";

    /** Corpus files in training order; the extra files are optional. */
    public static final List<String> FILES = List.of("zh.tsv", "en.tsv", "extra-zh.tsv", "extra-en.tsv", "extra2-zh.tsv",
            "extra2-en.tsv");

    private static final List<String> REQUIRED = List.of("zh.tsv", "en.tsv");

    private ShippedCorpus() {
    }

    public static boolean isPresent() {
        return REQUIRED.stream().allMatch(f -> ShippedCorpus.class.getResource(DIR + f) != null);
    }

    public static List<LabeledText> rows() {
        List<LabeledText> rows = new ArrayList<>();
        for (String f : FILES) {
            if (ShippedCorpus.class.getResource(DIR + f) != null) {
                rows.addAll(LabeledTextReader.readResource(DIR + f));
            } else if (REQUIRED.contains(f)) {
                throw new IllegalStateException("the corpus file " + DIR + f + " is missing from the classpath");
            }
        }
        return rows;
    }

    /** A hash of every corpus file present and of the shipped lexicons: what the shipped model was built from. */
    public static String sha256() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String f : FILES) {
                try (InputStream in = ShippedCorpus.class.getResourceAsStream(DIR + f)) {
                    if (in != null) {
                        digest.update((f + "\n").getBytes(StandardCharsets.UTF_8));
                        digest.update(in.readAllBytes());
                    }
                }
            }
            for (Map.Entry<String, String> e : Lexicons.shipped().toTexts().entrySet()) {
                digest.update(("lexicon/" + e.getKey() + "\n" + e.getValue()).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
