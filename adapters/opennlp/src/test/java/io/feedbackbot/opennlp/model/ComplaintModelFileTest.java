package io.feedbackbot.opennlp.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.feedbackbot.opennlp.features.FeatureSettings;
import io.feedbackbot.opennlp.features.Lexicons;
import io.feedbackbot.opennlp.training.ComplaintTrainer;
import io.feedbackbot.opennlp.training.SmallCorpus;

class ComplaintModelFileTest {

    private static final List<String> PROBES = List.of("the driver never came", "谢谢，很好吃", "重复扣费", "ok", "😡😡 !!!");

    @Test
    void aSavedModelLoadsAndScoresExactlyAsTrained(@TempDir Path dir) {
        Properties info = new Properties();
        info.setProperty("info.corpus.sha256", "abc");
        ComplaintModel trained = ComplaintTrainer.withDefaults().train(SmallCorpus.rows(), info);
        Path file = dir.resolve("model.bin");
        ComplaintModelFile.save(trained, file);
        ComplaintModel loaded = ComplaintModelFile.load(file);

        for (String probe : PROBES) {
            String[] features = loaded.extractor().names(probe);
            assertEquals(trained.complaintProbability(trained.extractor().names(probe)), loaded.complaintProbability(features), 1e-12, probe);
            assertEquals(trained.bestCategory(features), loaded.bestCategory(features), probe);
        }
        assertEquals("abc", loaded.info().getProperty("info.corpus.sha256"));
        assertEquals(trained.settings(), loaded.settings());
        assertEquals(Lexicons.shipped(), loaded.extractor().lexicons());
    }

    @Test
    void aModelRemembersTheFeatureSettingsItWasTrainedWith(@TempDir Path dir) {
        TrainingSettings plain = TrainingSettings.DEFAULT.withFeatures(FeatureSettings.NGRAMS_ONLY);
        ComplaintModel trained = new ComplaintTrainer(plain, Lexicons.shipped()).train(SmallCorpus.rows());
        Path file = dir.resolve("plain.bin");
        ComplaintModelFile.save(trained, file);
        assertEquals(FeatureSettings.NGRAMS_ONLY, ComplaintModelFile.load(file).extractor().settings());
    }

    @Test
    void aFileThatIsNotAModelIsRefusedWithItsName(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("notes.bin");
        Files.writeString(file, "hello");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> ComplaintModelFile.load(file));
        assertTrue(e.getMessage().contains("notes.bin"), e.getMessage());
    }

    @Test
    void trainingNeedsBothLabels() {
        assertThrows(IllegalArgumentException.class, () -> ComplaintTrainer.withDefaults()
                .train(SmallCorpus.rows().stream().filter(r -> r.isComplaint()).toList()));
    }
}
