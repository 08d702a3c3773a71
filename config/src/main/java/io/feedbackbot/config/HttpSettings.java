package io.feedbackbot.config;

/**
 * The HTTP listener.
 *
 * @param host         the address to bind ({@code 127.0.0.1} by default; {@code 0.0.0.0} to accept remote calls)
 * @param port         the port ({@code FEEDBACKBOT_HTTP_PORT} overrides)
 * @param maxBodyBytes requests with a larger body are refused with 413
 * @param publicUrl    how providers and browsers reach this server (behind a proxy it differs from host:port)
 */
public record HttpSettings(String host, int port, int maxBodyBytes, String publicUrl) {
}
