package io.feedbackbot.opennlp.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import io.feedbackbot.opennlp.model.ComplaintModel;
import io.feedbackbot.opennlp.model.ComplaintModelFile;

/**
 * Rebuilds the shipped model from the shipped corpus and lexicons, recording their hash. Run it after changing
 * either (the {@code ShippedModelTest} fails until you do):
 * {@code ./mvnw -B -q -pl adapters/opennlp -am -Pretrain-complaint-model process-classes}.
 */
public final class ShippedModelBuilder {

    /** Where the model is written, relative to the repository root. */
    public static final String SOURCE_PATH = "adapters/opennlp/src/main/resources" + ComplaintModelFile.SHIPPED_RESOURCE;

    private ShippedModelBuilder() {
    }

    public static ComplaintModel build() {
        Properties info = new Properties();
        info.setProperty("info.corpus.sha256", ShippedCorpus.sha256());
        info.setProperty("info.source", "shipped corpus");
        return ComplaintTrainer.forShippedCorpus().train(ShippedCorpus.rows(), info);
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : SOURCE_PATH);
        Files.createDirectories(out.toAbsolutePath().getParent());
        ComplaintModel model = build();
        ComplaintModelFile.save(model, out);
        System.out.println("wrote " + out + " (" + Files.size(out) + " bytes) from " + model.info().getProperty("info.rows")
                + " rows, corpus sha256 " + model.info().getProperty("info.corpus.sha256"));
    }
}
