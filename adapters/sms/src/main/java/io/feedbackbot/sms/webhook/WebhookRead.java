package io.feedbackbot.sms.webhook;

/**
 * The result of reading one provider webhook, with the HTTP status the handler answers. Only {@link Verified}
 * may have any effect; the other two are answered and forgotten (nothing stored).
 */
public sealed interface WebhookRead<T> {

    int httpStatus();

    /** The signature matched and the parameters make a {@code T}. */
    record Verified<T>(T message) implements WebhookRead<T> {
        @Override
        public int httpStatus() {
            return 200;
        }
    }

    /** Missing or wrong signature: 403. The reason is for logs, never the expected signature. */
    record Forbidden<T>(String reason) implements WebhookRead<T> {
        @Override
        public int httpStatus() {
            return 403;
        }
    }

    /** A body that is not a form, or a signed form without the required fields: 400 with this one-line reason. */
    record Malformed<T>(String reason) implements WebhookRead<T> {
        @Override
        public int httpStatus() {
            return 400;
        }
    }
}
