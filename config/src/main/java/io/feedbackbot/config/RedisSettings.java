package io.feedbackbot.config;

import java.time.Duration;

/**
 * Where state lives.
 *
 * @param url                   {@code redis://}, {@code rediss://} or {@code redis-cluster://host:port,host:port};
 *                              empty to start the embedded Redis under the data directory
 *                              ({@code FEEDBACKBOT_REDIS_URL} overrides)
 * @param keyPrefix             prefix of every key (several deployments can share one Redis)
 * @param conversationRetention how long a quiet conversation is kept (survey runs, dedupe ids, mailbox)
 * @param answerRetention       how long stored answers are kept before they are trimmed
 * @param embeddedPort          the embedded Redis's port (0: any free port)
 * @param embeddedFsync         {@code always} (nothing acknowledged is lost, even if the machine dies) or
 *                              {@code everysec} (faster; up to one second of writes at risk on a machine crash)
 */
public record RedisSettings(String url, String keyPrefix, Duration conversationRetention, Duration answerRetention,
                            int embeddedPort, String embeddedFsync) {

    public boolean embedded() {
        return url == null || url.isBlank();
    }
}
