package io.feedbackbot.sms.rest;

import java.util.Objects;

/**
 * What the provider's message log says about a message we may or may not have sent: the answer that settles a
 * send whose outcome a crash or a lost answer left open, without a second SMS.
 */
public sealed interface SentLookup {

    /** The provider has the message: it was sent (or is queued) once; never send it again. */
    record Found(String sid, String status) implements SentLookup {
        public Found {
            Objects.requireNonNull(sid, "sid");
            Objects.requireNonNull(status, "status");
        }
    }

    /** The provider has no such message since the time asked about: it is safe to send it now. */
    record NotFound() implements SentLookup {
    }

    /** The log could not be read (network, HTTP error): nothing is known, so nothing may be sent. */
    record Failed(String reason) implements SentLookup {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** This provider API offers no message log. */
    record Unsupported() implements SentLookup {
    }
}
