package io.feedbackbot.sms.rest;

import java.util.Objects;

/** Who an outbound SMS is sent as: one of the account's numbers, or a Messaging Service that picks the number. */
public sealed interface SmsFrom {

    /** Sent as {@code From=<e164>}. */
    record FromNumber(String e164) implements SmsFrom {
        public FromNumber {
            Objects.requireNonNull(e164, "e164");
        }
    }

    /** Sent as {@code MessagingServiceSid=<sid>}. */
    record FromMessagingService(String sid) implements SmsFrom {
        public FromMessagingService {
            Objects.requireNonNull(sid, "sid");
        }
    }
}
