package io.feedbackbot.config.holiday;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.feedbackbot.config.ConfigException;
import io.feedbackbot.config.yaml.BundledDirectory;
import io.feedbackbot.config.yaml.EnvSubstitution;
import io.feedbackbot.config.yaml.YamlSection;
import io.feedbackbot.dialogs.campaign.HolidayCalendar;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Loads holiday calendars: every {@code *.yaml} in a directory ({@code config/holidays}), or the built-in ones when
 * it does not exist. A file holds one year of one calendar ({@code calendar: cn}, {@code year: 2026}) as named
 * periods of days off, each with the make-up workdays it brings; files of the same calendar are merged. Errors
 * name the file and the key.
 */
public final class HolidayFiles {

    static final String BUNDLED_DIR = "/io/feedbackbot/config/defaults/holidays";

    private final EnvSubstitution env = new EnvSubstitution(Map.of());

    /** The calendars by name. */
    public Map<String, HolidayCalendar> load(Path dir) {
        if (Files.isDirectory(dir)) {
            return loadDirectory(dir, dir.toString());
        }
        return BundledDirectory.load(BUNDLED_DIR, "built-in holidays", this::loadDirectory).orElse(Map.of());
    }

    private Map<String, HolidayCalendar> loadDirectory(Path dir, String name) {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw new ConfigException(name + ": cannot list holiday files: " + e.getMessage(), e);
        }
        Map<String, HolidayCalendar> calendars = new TreeMap<>();
        for (Path file : files) {
            String shown = dir.getFileSystem() == FileSystems.getDefault() ? file.toString()
                    : "built-in " + file.getFileName();
            HolidayCalendar calendar = parse(shown, read(file, shown));
            calendars.merge(calendar.name(), calendar, HolidayCalendar::plus);
        }
        return Map.copyOf(calendars);
    }

    /** One file's calendar year. */
    public HolidayCalendar parse(String file, JsonNode tree) {
        YamlSection root = new YamlSection(file, tree, env);
        String name = root.requiredString("calendar");
        if (!name.matches("[a-z0-9][a-z0-9_-]{0,31}")) {
            throw root.fail("calendar", "must be a short lower-case name such as cn, not '" + name + "'");
        }
        root.integer("year", 0, 1900, 2200);
        Set<LocalDate> off = new HashSet<>();
        Set<LocalDate> worked = new HashSet<>();
        for (YamlSection period : root.sections("holidays")) {
            period.requiredString("name");
            LocalDate from = date(period, "from", period.requiredString("from"));
            LocalDate to = date(period, "to", period.requiredString("to"));
            if (to.isBefore(from)) {
                throw period.fail("to", "is before from (" + from + ")");
            }
            from.datesUntil(to.plusDays(1)).forEach(off::add);
            for (String day : period.strings("workdays", List.of())) {
                worked.add(date(period, "workdays", day));
            }
            period.finish();
        }
        root.finish();
        try {
            return new HolidayCalendar(name, off, worked);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file + ": " + e.getMessage());
        }
    }

    private static LocalDate date(YamlSection section, String key, String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw section.fail(key, "must be a date like 2026-10-01, not '" + text + "'");
        }
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
