package io.feedbackbot.sms.rest;

import java.util.Objects;

/**
 * What became of one send, stated as a delivery guarantee. {@link #mayHaveBeenSent()} is the question that
 * matters: when it is true nobody may send the same message again, because the provider has no idempotency key.
 */
public sealed interface SendResult {

    /** True unless the provider certainly did not take the message. */
    boolean mayHaveBeenSent();

    /** The provider took the message (2xx) and gave it a sid; delivery reports follow through status callbacks. */
    record Accepted(String sid, String status, int segments) implements SendResult {
        public Accepted {
            Objects.requireNonNull(sid, "sid");
            Objects.requireNonNull(status, "status");
        }

        @Override
        public boolean mayHaveBeenSent() {
            return true;
        }
    }

    /**
     * The provider refused the message (4xx other than 429): certainly not sent, and sending the same request
     * again would be refused again. {@code message} may quote the phone number; do not log it unmasked.
     *
     * @param errorCode the provider's error code (21211 invalid To, 21610 opted out, …), 0 when none was given
     */
    record Rejected(int httpStatus, int errorCode, String message) implements SendResult {
        public Rejected {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public boolean mayHaveBeenSent() {
            return false;
        }
    }

    /**
     * Certainly not sent, and safe to try again later: every attempt was throttled (429) or failed before a
     * connection to the provider existed (connection refused, DNS, TLS handshake), or the journal could not record
     * the intent so nothing was attempted.
     */
    record NotSent(String reason) implements SendResult {
        public NotSent {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public boolean mayHaveBeenSent() {
            return false;
        }
    }

    /**
     * The request may have been written but no usable answer came back (timeout, connection reset, 5xx, 3xx,
     * unreadable 2xx), or an earlier send of the same intent is pending or was cut off.
     * The provider may have sent the SMS, so it is never retried automatically; delivery callbacks or the
     * provider's message log settle it.
     */
    record Unknown(String reason) implements SendResult {
        public Unknown {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public boolean mayHaveBeenSent() {
            return true;
        }
    }
}
