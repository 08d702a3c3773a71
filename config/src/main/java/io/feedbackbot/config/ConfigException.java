package io.feedbackbot.config;

/**
 * A configuration problem found at start-up. The message names the file, the place in it and the key, in one
 * line a person can act on ({@code config/surveys/nps.yaml: steps[1] (why-low): prompt.en is missing}).
 */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
