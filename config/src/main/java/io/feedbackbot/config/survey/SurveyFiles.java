package io.feedbackbot.config.survey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.feedbackbot.config.ConfigException;
import io.feedbackbot.config.yaml.BundledDirectory;
import io.feedbackbot.config.yaml.EnvSubstitution;
import io.feedbackbot.config.yaml.YamlSection;
import io.feedbackbot.dialogs.survey.SurveyDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads survey YAML files: every {@code *.yaml} / {@code *.yml} in a directory, or the built-in demo surveys
 * when the directory does not exist. Each file holds one survey; errors name the file, the step and the key.
 */
public final class SurveyFiles {

    static final String BUNDLED_DIR = "/io/feedbackbot/config/defaults/surveys";

    private final EnvSubstitution env;

    public SurveyFiles(Map<String, String> env) {
        this.env = new EnvSubstitution(env);
    }

    /** The surveys in {@code dir}, or the built-in ones if {@code dir} does not exist. */
    public List<SurveyDefinition> load(Path dir) {
        if (Files.isDirectory(dir)) {
            return loadDirectory(dir, dir.toString());
        }
        return loadBundled();
    }

    List<SurveyDefinition> loadBundled() {
        return BundledDirectory.load(BUNDLED_DIR, "built-in surveys", this::loadDirectory)
                .orElseThrow(() -> new ConfigException("the built-in surveys are missing from the build"));
    }

    private List<SurveyDefinition> loadDirectory(Path dir, String name) {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw new ConfigException(name + ": cannot list surveys: " + e.getMessage(), e);
        }
        List<SurveyDefinition> surveys = new ArrayList<>();
        for (Path file : files) {
            String shown = dir.getFileSystem() == FileSystems.getDefault() ? file.toString()
                    : "built-in " + file.getFileName();
            surveys.add(parse(shown, read(file, shown)));
        }
        return surveys;
    }

    /** Parses one survey file's content. */
    public SurveyDefinition parse(String fileName, JsonNode tree) {
        return new SurveyReader(new YamlSection(fileName, tree, env)).read();
    }

    private static JsonNode read(Path file, String shown) {
        try (InputStream in = Files.newInputStream(file)) {
            JsonNode tree = new YAMLMapper().readTree(in);
            if (tree == null || tree.isMissingNode()) {
                throw new ConfigException(shown + ": the file is empty");
            }
            return tree;
        } catch (IOException e) {
            throw new ConfigException(shown + ": not valid YAML: "
                    + (e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("")), e);
        }
    }
}
