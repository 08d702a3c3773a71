package io.feedbackbot.config.survey;

import io.feedbackbot.config.ConfigException;
import io.feedbackbot.config.yaml.YamlSection;
import io.feedbackbot.core.conversation.Language;
import io.feedbackbot.dialogs.survey.Branch;
import io.feedbackbot.dialogs.survey.ChoiceOption;
import io.feedbackbot.dialogs.survey.Condition;
import io.feedbackbot.dialogs.survey.LocalizedText;
import io.feedbackbot.dialogs.survey.QuestionType;
import io.feedbackbot.dialogs.survey.Step;
import io.feedbackbot.dialogs.survey.SurveyDefinition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Maps one survey file onto a {@link SurveyDefinition}, checking every key on the way. */
final class SurveyReader {

    private static final String ID = "[a-z0-9][a-z0-9_-]{0,63}";

    private final YamlSection root;

    SurveyReader(YamlSection root) {
        this.root = root;
    }

    SurveyDefinition read() {
        String id = root.requiredString("id");
        if (!id.matches(ID)) {
            throw root.fail("id", "must be a lower-case identifier (a-z, 0-9, '-', '_'), not '" + id + "'");
        }
        LocalizedText title = text(root, "title", true);
        LocalizedText intro = text(root, "intro", false);
        LocalizedText thanks = text(root, "thanks", true);
        Duration expiresAfter = root.duration("expiresAfter", Duration.ofHours(24));
        if (expiresAfter.compareTo(Duration.ofMinutes(1)) < 0) {
            throw root.fail("expiresAfter", "must be at least 1m");
        }
        int maxReprompts = root.integer("maxReprompts", 2, 0, 10);
        Map<String, Map<String, String>> channels = new LinkedHashMap<>();
        YamlSection channelSection = root.section("channels");
        for (String channel : channelSection.keys()) {
            channels.put(channel, channelSection.stringMap(channel));
        }
        channelSection.finish();
        List<YamlSection> stepSections = root.sections("steps");
        if (stepSections.isEmpty()) {
            throw root.fail("steps", "must list at least one question");
        }
        List<Step> steps = new ArrayList<>();
        Set<String> stepIds = new HashSet<>();
        for (YamlSection raw : stepSections) {
            String stepId = raw.requiredString("id");
            if (!stepId.matches(ID) || stepId.equals(Branch.END)) {
                throw raw.fail("id", "must be a lower-case identifier other than 'end', not '" + stepId + "'");
            }
            if (!stepIds.add(stepId)) {
                throw raw.fail("id", "'" + stepId + "' is used by two steps");
            }
            steps.add(step(raw.labelled("step '" + stepId + "'"), stepId));
        }
        for (int i = 0; i < steps.size(); i++) {
            for (Branch branch : steps.get(i).next()) {
                if (!branch.target().equals(Branch.END) && !stepIds.contains(branch.target())) {
                    throw new ConfigException(root.file() + ": step '" + steps.get(i).id() + "': goto '"
                            + branch.target() + "' is not a step of this survey (steps: "
                            + String.join(", ", stepIds) + ", or end)");
                }
            }
        }
        root.finish();
        return new SurveyDefinition(id, title, intro, thanks, expiresAfter, maxReprompts, steps, channels);
    }

    private Step step(YamlSection s, String id) {
        String typeName = s.requiredString("type");
        QuestionType type = QuestionType.fromId(typeName).orElseThrow(() -> s.fail("type", "'" + typeName
                + "' is not a question type (" + Arrays.stream(QuestionType.values()).map(QuestionType::id)
                .collect(Collectors.joining(", ")) + ")"));
        LocalizedText prompt = text(s, "prompt", true);
        LocalizedText example = text(s, "example", false);
        boolean optional = s.bool("optional", false);
        Integer escalate = null;
        if (s.has("escalateAtOrBelow")) {
            if (!type.scored()) {
                throw s.fail("escalateAtOrBelow", "only applies to nps, csat and ces questions");
            }
            escalate = s.integer("escalateAtOrBelow", 0, type.min(), type.max());
        } else {
            s.string("escalateAtOrBelow", null);
        }
        List<ChoiceOption> options = new ArrayList<>();
        for (YamlSection o : s.sections("options")) {
            String optionId = o.requiredString("id");
            options.add(new ChoiceOption(optionId, text(o, "label", true)));
            o.finish();
        }
        if (type == QuestionType.CHOICE && options.size() < 2) {
            throw s.fail("options", "a choice question needs at least two options");
        }
        if (type != QuestionType.CHOICE && !options.isEmpty()) {
            throw s.fail("options", "only choice questions have options");
        }
        List<Branch> next = new ArrayList<>();
        for (YamlSection b : s.sections("next")) {
            next.add(branch(b, type));
        }
        s.finish();
        return new Step(id, type, prompt, example, options, optional, next, escalate);
    }

    private static Branch branch(YamlSection b, QuestionType type) {
        String target = b.requiredString("goto");
        Condition condition = null;
        if (b.has("if")) {
            YamlSection when = b.section("if");
            Integer min = when.has("min") ? when.integer("min", 0, -1000, 1000) : null;
            Integer max = when.has("max") ? when.integer("max", 0, -1000, 1000) : null;
            when.string("min", null);
            when.string("max", null);
            List<String> values = when.strings("in", List.of());
            when.finish();
            if (min == null && max == null && values.isEmpty()) {
                throw b.fail("if", "needs min, max or in");
            }
            if ((min != null || max != null) && !type.scored()) {
                throw b.fail("if", "min and max only apply to nps, csat and ces questions");
            }
            condition = new Condition(min, max, new HashSet<>(values));
        } else {
            b.string("if", null);
        }
        b.finish();
        return new Branch(condition, target);
    }

    /** A text in every language: a mapping {@code zh-CN: …, en: …}. */
    private static LocalizedText text(YamlSection parent, String key, boolean required) {
        if (!parent.has(key)) {
            parent.string(key, null);
            if (required) {
                throw parent.fail(key, "is missing (give it in zh-CN and en)");
            }
            return null;
        }
        YamlSection s = parent.section(key);
        Map<Language, String> texts = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            String value = s.string(language.tag(), null);
            if (value == null || value.isBlank()) {
                throw parent.fail(key + "." + language.tag(), "is missing");
            }
            texts.put(language, value);
        }
        s.finish();
        return new LocalizedText(texts);
    }
}
