package io.feedbackbot.bench.complaints;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import io.feedbackbot.opennlp.training.LabeledText;
import io.feedbackbot.opennlp.training.LabeledTextReader;

/**
 * One folder of {@code shared/datasets}: {@code train.tsv}, {@code test.tsv} and, where present, the line-aligned
 * {@code *.group.txt} files. Evaluation only: nothing read here may end up in the project's corpus or model.
 *
 * @param name   folder name, for example {@code complaints_en}
 * @param folder the folder
 */
public record PublicDataset(String name, Path folder) {

    /** The five sets of shared/datasets, in report order. */
    public static final List<String> NAMES = List.of("complaints_en", "uva_complaints_en", "waimai_10k_zh",
            "chnsenticorp_htl_zh", "online_shopping_10cats_zh");

    public boolean exists() {
        return Files.isRegularFile(folder.resolve("train.tsv")) && Files.isRegularFile(folder.resolve("test.tsv"));
    }

    public List<LabeledText> train() {
        return LabeledTextReader.read(folder.resolve("train.tsv"));
    }

    public List<LabeledText> test() {
        return LabeledTextReader.read(folder.resolve("test.tsv"));
    }

    /** Rows of {@code split} ("train" or "test") whose group (from {@code split.group.txt}) passes the filter. */
    public List<LabeledText> filtered(String split, Predicate<String> group) {
        List<LabeledText> rows = split.equals("train") ? train() : test();
        List<String> groups;
        try {
            groups = Files.readAllLines(folder.resolve(split + ".group.txt"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (groups.size() != rows.size()) {
            throw new IllegalStateException(name + "/" + split + ".group.txt has " + groups.size() + " lines for " + rows.size() + " rows");
        }
        List<LabeledText> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (group.test(groups.get(i).strip())) {
                out.add(rows.get(i));
            }
        }
        return out;
    }

    /** complaints_en without the random tweets and replies, which are all not_complaint. */
    public static boolean inDomain(String group) {
        return !group.startsWith("random_");
    }
}
