package io.feedbackbot.config.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feedbackbot.config.ConfigException;
import io.feedbackbot.core.conversation.Language;
import io.feedbackbot.dialogs.survey.QuestionType;
import io.feedbackbot.dialogs.survey.SurveyDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SurveyFilesTest {

    @TempDir
    Path dir;

    private final SurveyFiles files = new SurveyFiles(Map.of());

    private static final String VALID = """
            id: quick
            title: {zh-CN: 快速, en: Quick}
            thanks: {zh-CN: 谢谢, en: Thanks}
            steps:
              - id: score
                type: nps
                prompt: {zh-CN: 打分, en: Score}
                next:
                  - if: {max: 6}
                    goto: why
                  - goto: end
              - id: why
                type: text
                prompt: {zh-CN: 为什么, en: Why}
            """;

    private ConfigException error(String yaml) throws IOException {
        Files.writeString(dir.resolve("broken.yaml"), yaml);
        return assertThrows(ConfigException.class, () -> files.load(dir));
    }

    @Test
    void theShippedDemoSurveysLoad() {
        List<SurveyDefinition> surveys = files.load(Path.of("surveys"));

        assertEquals(List.of("post-delivery-nps", "post-service-csat"), surveys.stream().map(SurveyDefinition::id).toList());
        SurveyDefinition csat = surveys.get(1);
        assertEquals(List.of(QuestionType.CSAT, QuestionType.CES, QuestionType.TEXT),
                csat.steps().stream().map(s -> s.type()).toList());
        assertTrue(csat.steps().get(1).prompt().in(Language.EN).contains("made it easy"), "CES 2.0 wording");
    }

    @Test
    void theBuiltInSurveysAreUsedWhenTheDirectoryDoesNotExist() {
        List<SurveyDefinition> surveys = files.load(dir.resolve("missing"));

        assertEquals(2, surveys.size());
    }

    @Test
    void aValidFileBecomesASurveyWithDefaults() throws IOException {
        Files.writeString(dir.resolve("quick.yaml"), VALID);

        SurveyDefinition survey = files.load(dir).get(0);

        assertEquals(Duration.ofHours(24), survey.expiresAfter());
        assertEquals(2, survey.maxReprompts());
        assertEquals("why", survey.steps().get(0).next().get(0).target());
    }

    @Test
    void aMissingTranslationNamesTheFileTheStepAndTheKey() throws IOException {
        ConfigException e = error(VALID.replace("prompt: {zh-CN: 为什么, en: Why}", "prompt: {zh-CN: 为什么}"));

        assertEquals(dir.resolve("broken.yaml") + ": step 'why': key 'prompt.en' is missing", e.getMessage());
    }

    @Test
    void aBranchToAnUnknownStepIsNamed() throws IOException {
        ConfigException e = error(VALID.replace("goto: why", "goto: wy"));

        assertTrue(e.getMessage().contains("step 'score': goto 'wy' is not a step of this survey"), e.getMessage());
    }

    @Test
    void anUnknownQuestionTypeListsTheKnownOnes() throws IOException {
        ConfigException e = error(VALID.replace("type: nps", "type: stars"));

        assertTrue(e.getMessage().contains("step 'score': key 'type' 'stars' is not a question type (nps, csat, ces, choice, text, yes_no)"),
                e.getMessage());
    }

    @Test
    void aMisspeltStepKeyIsNamed() throws IOException {
        ConfigException e = error(VALID.replace("type: text", "type: text\n    optionl: true"));

        assertTrue(e.getMessage().endsWith("step 'why': key 'optionl' is not a known key here"), e.getMessage());
    }

    @Test
    void aChoiceQuestionNeedsTwoOptions() throws IOException {
        ConfigException e = error(VALID.replace("type: text", "type: choice"));

        assertTrue(e.getMessage().contains("step 'why': key 'options' a choice question needs at least two options"),
                e.getMessage());
    }

    @Test
    void aDetractorThresholdOnlyAppliesToScores() throws IOException {
        ConfigException e = error(VALID.replace("type: text", "type: text\n    escalateAtOrBelow: 3"));

        assertTrue(e.getMessage().contains("only applies to nps, csat and ces questions"), e.getMessage());
    }

    @Test
    void twoStepsCannotShareAnId() throws IOException {
        ConfigException e = error(VALID.replace("- id: why", "- id: score"));

        assertTrue(e.getMessage().contains("'score' is used by two steps"), e.getMessage());
    }
}
