package io.feedbackbot.server.campaign.cli;

import com.fasterxml.jackson.databind.JsonNode;

/** A CLI failure with a message for the user (the server's one-line reason); {@code detail} may add a report. */
final class CliException extends RuntimeException {

    private final transient JsonNode detail;

    CliException(String message) {
        this(message, null);
    }

    CliException(String message, JsonNode detail) {
        super(message, null, false, false);
        this.detail = detail;
    }

    JsonNode detail() {
        return detail;
    }
}
