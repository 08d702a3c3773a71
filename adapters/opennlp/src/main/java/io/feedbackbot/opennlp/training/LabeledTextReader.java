package io.feedbackbot.opennlp.training;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads labelled messages from UTF-8 TSV: {@code label<TAB>text} (the public data sets, agent-label exports) or
 * {@code label<TAB>category<TAB>text} (the project corpus; category {@code -} when none). Blank lines and lines
 * starting with {@code #} are skipped. Any other unreadable row fails with {@link MalformedTsvException} naming the
 * file and line: training on half a file is worse than not training.
 */
public final class LabeledTextReader {

    private LabeledTextReader() {
    }

    public static List<LabeledText> read(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file.toString(), r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a classpath resource such as the shipped corpus. */
    public static List<LabeledText> readResource(String resource) {
        try (InputStream in = LabeledTextReader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            return read(resource, new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    public static List<LabeledText> read(String source, Reader reader) throws IOException {
        BufferedReader in = new BufferedReader(reader);
        List<LabeledText> rows = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            if (number == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            rows.add(parse(source, number, line));
        }
        return rows;
    }

    private static LabeledText parse(String source, int number, String line) {
        String[] cols = line.split("\t", -1);
        if (cols.length < 2) {
            throw new MalformedTsvException(source, number, "expected label<TAB>text or label<TAB>category<TAB>text, found no tab");
        }
        if (cols.length > 3) {
            throw new MalformedTsvException(source, number, "expected at most 3 tab-separated columns, found " + cols.length);
        }
        Label label = Label.parse(cols[0]).orElseThrow(() -> new MalformedTsvException(source, number,
                "unknown label '" + cols[0] + "' (expected complaint, not_complaint, negative or positive)"));
        String text = cols[cols.length - 1];
        if (text.isBlank()) {
            throw new MalformedTsvException(source, number, "empty text");
        }
        String category = cols.length == 3 ? cols[1] : null;
        if (category != null && !category.isBlank() && !category.equals("-") && !category.matches("[a-z][a-z0-9_]*")) {
            throw new MalformedTsvException(source, number, "bad category '" + category + "' (expected lower_snake_case or -)");
        }
        return new LabeledText(label, category, text.strip());
    }
}
