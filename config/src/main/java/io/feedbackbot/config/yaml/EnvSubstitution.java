package io.feedbackbot.config.yaml;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} and {@code ${NAME:-fallback}} in configuration values with environment variables, so
 * secrets stay out of files. A variable that is unset and has no fallback is an error, never an empty string.
 */
public final class EnvSubstitution {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    private final Map<String, String> env;

    public EnvSubstitution(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** @throws IllegalArgumentException naming the missing variable */
    public String apply(String value) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = env.get(m.group(1));
            if (replacement == null) {
                if (m.group(2) == null) {
                    throw new IllegalArgumentException("environment variable " + m.group(1) + " is not set");
                }
                replacement = m.group(2);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
