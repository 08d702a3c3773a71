package io.feedbackbot.sms.sim;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What our webhook answered to a simulated SMS, read as the provider would: the texts it would send back, or the
 * problem that would make the provider log an error instead (non-200, wrong Content-Type, not TwiML).
 */
public record SimulatedReply(int httpStatus, List<String> messages, Optional<String> problem) {

    public SimulatedReply {
        messages = List.copyOf(messages);
        Objects.requireNonNull(problem, "problem");
    }
}
