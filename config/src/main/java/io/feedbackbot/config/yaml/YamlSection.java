package io.feedbackbot.config.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.feedbackbot.config.ConfigException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A mapping in a YAML file, read key by key with the file and the path kept for error messages. Every value is
 * passed through environment substitution. {@link #finish()} rejects keys nobody read, so a misspelt key is an
 * error instead of a silently ignored setting.
 */
public final class YamlSection {

    private final String file;
    private final String label;
    private final String path;
    private final JsonNode node;
    private final EnvSubstitution env;
    private final Set<String> read = new HashSet<>();

    /** The top of a file. */
    public YamlSection(String file, JsonNode node, EnvSubstitution env) {
        this(file, "", "", node, env);
    }

    private YamlSection(String file, String label, String path, JsonNode node, EnvSubstitution env) {
        this.file = file;
        this.label = label;
        this.path = path;
        this.node = node;
        this.env = env;
        if (node != null && !node.isNull() && !node.isObject()) {
            throw fail("", "must be a mapping of keys to values");
        }
    }

    public String file() {
        return file;
    }

    public boolean has(String key) {
        return node != null && node.has(key) && !node.get(key).isNull();
    }

    public String string(String key, String fallback) {
        JsonNode value = value(key);
        if (value == null) {
            return fallback;
        }
        if (!value.isValueNode()) {
            throw fail(key, "must be a single value");
        }
        try {
            return env.apply(value.asText());
        } catch (IllegalArgumentException e) {
            throw fail(key, e.getMessage());
        }
    }

    public String requiredString(String key) {
        String value = string(key, null);
        if (value == null || value.isBlank()) {
            throw fail(key, "is missing");
        }
        return value;
    }

    public int integer(String key, int fallback, int min, int max) {
        String text = string(key, null);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(text.trim());
            if (n < min || n > max) {
                throw fail(key, "must be between " + min + " and " + max + ", not " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw fail(key, "must be a whole number, not '" + text + "'");
        }
    }

    public double decimal(String key, double fallback, double min, double max) {
        String text = string(key, null);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(text.trim());
            if (!(d >= min && d <= max)) {
                throw fail(key, "must be between " + min + " and " + max + ", not " + text);
            }
            return d;
        } catch (NumberFormatException e) {
            throw fail(key, "must be a number, not '" + text + "'");
        }
    }

    public boolean bool(String key, boolean fallback) {
        String text = string(key, null);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw fail(key, "must be true or false, not '" + text + "'");
        };
    }

    public Duration duration(String key, Duration fallback) {
        String text = string(key, null);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw fail(key, e.getMessage());
        }
    }

    /** A nested mapping; empty (every key at its default) when absent. */
    public YamlSection section(String key) {
        return new YamlSection(file, label, join(key), value(key), env);
    }

    /** A list of mappings. */
    public List<YamlSection> sections(String key) {
        JsonNode value = value(key);
        List<YamlSection> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (!value.isArray()) {
            throw fail(key, "must be a list");
        }
        for (int i = 0; i < value.size(); i++) {
            out.add(new YamlSection(file, label, join(key) + "[" + i + "]", value.get(i), env));
        }
        return out;
    }

    /** A list of single values; a lone value counts as a list of one. */
    public List<String> strings(String key, List<String> fallback) {
        JsonNode value = value(key);
        if (value == null) {
            return fallback;
        }
        List<String> out = new ArrayList<>();
        Iterable<JsonNode> items = value.isArray() ? value : List.of(value);
        for (JsonNode item : items) {
            if (!item.isValueNode()) {
                throw fail(key, "must be a list of single values");
            }
            try {
                out.add(env.apply(item.asText()));
            } catch (IllegalArgumentException e) {
                throw fail(key, e.getMessage());
            }
        }
        return out;
    }

    /** A mapping of single values, keys in file order. */
    public Map<String, String> stringMap(String key) {
        YamlSection section = section(key);
        Map<String, String> out = new LinkedHashMap<>();
        for (String k : section.keys()) {
            out.put(k, section.string(k, ""));
        }
        return out;
    }

    public List<String> keys() {
        List<String> out = new ArrayList<>();
        if (node != null && node.isObject()) {
            node.fieldNames().forEachRemaining(out::add);
        }
        return out;
    }

    /** Reads a value with {@code parse}, turning its IllegalArgumentException into an error naming the key. */
    public <T> T parsed(String key, T fallback, Function<String, T> parse) {
        String text = string(key, null);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return parse.apply(text.trim());
        } catch (IllegalArgumentException e) {
            throw fail(key, e.getMessage());
        }
    }

    /**
     * The same mapping named for people ({@code step 'why-low'}): errors in it say that name, and keys are
     * given relative to it. Keys already read stay read.
     */
    public YamlSection labelled(String name) {
        YamlSection copy = new YamlSection(file, label.isEmpty() ? name : label + ", " + name, "", node, env);
        copy.read.addAll(read);
        return copy;
    }

    /** Rejects keys that were never read. */
    public void finish() {
        if (node == null || !node.isObject()) {
            return;
        }
        Iterator<String> names = ((ObjectNode) node).fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!read.contains(name)) {
                throw fail(name, "is not a known key here");
            }
        }
    }

    /** An error about {@code key} in this section. */
    public ConfigException fail(String key, String problem) {
        String where = key.isEmpty() ? path : join(key);
        StringBuilder message = new StringBuilder(file).append(": ");
        if (!label.isEmpty()) {
            message.append(label).append(": ");
        }
        if (!where.isEmpty()) {
            message.append("key '").append(where).append("' ");
        }
        return new ConfigException(message.append(problem).toString());
    }

    private JsonNode value(String key) {
        read.add(key);
        if (node == null || !node.has(key) || node.get(key).isNull()) {
            return null;
        }
        return node.get(key);
    }

    private String join(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
