package io.feedbackbot.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where surveys come from and how finished ones behave.
 *
 * @param dir         the directory of survey YAML files ({@code config/surveys}); the built-in demo surveys are used
 *                    when it does not exist
 * @param quietPeriod after a survey ends, how long a customer's messages get a polite "this survey has closed"
 *                    instead of a new survey
 */
public record SurveysSettings(Path dir, Duration quietPeriod) {
}
