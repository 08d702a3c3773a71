package io.feedbackbot.opennlp.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import io.feedbackbot.opennlp.features.FeatureExtractor;
import io.feedbackbot.opennlp.features.Lexicons;
import opennlp.tools.doccat.DoccatModel;

/**
 * The one-file format of a {@link ComplaintModel}: a zip holding {@code model.properties} (format version, feature
 * and training settings, provenance), {@code complaint.doccat} and optionally {@code category.doccat} (OpenNLP's own
 * model format) and {@code lexicon/*.txt}, the lexicons the features were trained with. Loading a file therefore
 * always rebuilds the feature extractor the model was trained with.
 */
public final class ComplaintModelFile {

    /** Where the shipped model lives on the classpath. */
    public static final String SHIPPED_RESOURCE = "/io/feedbackbot/opennlp/model/complaint-model.bin";

    static final String FORMAT = "feedbackbot-complaint-model/1";

    private ComplaintModelFile() {
    }

    public static void save(ComplaintModel model, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            save(model, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model " + file + ": " + e.getMessage(), e);
        }
    }

    public static void save(ComplaintModel model, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        Properties props = model.settings().toProperties();
        props.putAll(model.info());
        props.setProperty("format", FORMAT);
        put(zip, "model.properties", propertiesText(props).getBytes(StandardCharsets.UTF_8));
        put(zip, "complaint.doccat", serialize(model.complaintDoccat()));
        if (model.categoryDoccat().isPresent()) {
            put(zip, "category.doccat", serialize(model.categoryDoccat().get()));
        }
        for (Map.Entry<String, String> e : model.extractor().lexicons().toTexts().entrySet()) {
            put(zip, "lexicon/" + e.getKey() + ".txt", e.getValue().getBytes(StandardCharsets.UTF_8));
        }
        zip.finish();
    }

    public static ComplaintModel load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read complaint model " + file + ": " + e.getMessage(), e);
        }
    }

    /** The model built from the project corpus and shipped in this jar. */
    public static ComplaintModel loadShipped() {
        try (InputStream in = ComplaintModelFile.class.getResourceAsStream(SHIPPED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the shipped complaint model " + SHIPPED_RESOURCE + " is missing from the classpath");
            }
            return load(in, SHIPPED_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped complaint model: " + e.getMessage(), e);
        }
    }

    public static ComplaintModel load(InputStream in, String source) throws IOException {
        Properties props = null;
        byte[] complaint = null;
        byte[] category = null;
        Map<String, String> lexicons = new LinkedHashMap<>();
        ZipInputStream zip = new ZipInputStream(in);
        for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
            byte[] bytes = zip.readAllBytes();
            String name = e.getName();
            if (name.equals("model.properties")) {
                props = new Properties();
                props.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
            } else if (name.equals("complaint.doccat")) {
                complaint = bytes;
            } else if (name.equals("category.doccat")) {
                category = bytes;
            } else if (name.startsWith("lexicon/") && name.endsWith(".txt")) {
                lexicons.put(name.substring(8, name.length() - 4), new String(bytes, StandardCharsets.UTF_8));
            }
        }
        if (props == null || complaint == null || !FORMAT.equals(props.getProperty("format"))) {
            throw new IOException(source + " is not a complaint model (" + FORMAT + ")");
        }
        TrainingSettings settings = TrainingSettings.fromProperties(props);
        Properties info = new Properties();
        for (String k : props.stringPropertyNames()) {
            if (k.startsWith("info.")) {
                info.setProperty(k, props.getProperty(k));
            }
        }
        FeatureExtractor extractor = new FeatureExtractor(settings.features(), Lexicons.fromTexts(lexicons));
        return new ComplaintModel(extractor, settings, new DoccatModel(new ByteArrayInputStream(complaint)),
                category == null ? null : new DoccatModel(new ByteArrayInputStream(category)), info);
    }

    private static byte[] serialize(DoccatModel m) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        m.serialize(bytes);
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(0L);
        zip.putNextEntry(e);
        zip.write(bytes);
        zip.closeEntry();
    }

    /** Sorted and without the date comment that {@link Properties#store} writes, so diffs stay readable. */
    private static String propertiesText(Properties p) throws IOException {
        StringWriter w = new StringWriter();
        Properties sorted = new Properties();
        sorted.putAll(p);
        sorted.store(w, null);
        StringBuilder out = new StringBuilder();
        w.toString().lines().filter(l -> !l.startsWith("#")).sorted().forEach(l -> out.append(l).append('\n'));
        return out.toString();
    }
}
