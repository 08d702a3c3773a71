package io.feedbackbot.wechat.webhook;

import io.feedbackbot.wechat.crypto.EncodingAesKey;
import java.util.Objects;
import java.util.Optional;

/**
 * What one account's webhook needs to authenticate and decrypt WeChat's pushes: the appid (checked inside every
 * decrypted message), the server-config token (signatures) and the EncodingAESKey (safe and compatible mode).
 * {@link #toString()} hides the token and key.
 *
 * @param encryptionRequired refuse plain pushes; set it when the account runs in safe mode, so nobody can bypass
 *                           encryption by leaving out {@code encrypt_type}
 */
public record WebhookKeys(String appId, String token, Optional<EncodingAesKey> aesKey, boolean encryptionRequired) {

    public WebhookKeys {
        Objects.requireNonNull(aesKey, "aesKey");
        if (appId == null || appId.isBlank()) {
            throw new IllegalArgumentException("WeChat appId is required");
        }
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("WeChat token is required");
        }
        if (encryptionRequired && aesKey.isEmpty()) {
            throw new IllegalArgumentException("safe mode needs an EncodingAESKey for appId " + appId);
        }
    }

    /** Plain mode only. */
    public static WebhookKeys plain(String appId, String token) {
        return new WebhookKeys(appId, token, Optional.empty(), false);
    }

    /** Safe mode: encrypted pushes only. */
    public static WebhookKeys safe(String appId, String token, EncodingAesKey key) {
        return new WebhookKeys(appId, token, Optional.of(key), true);
    }

    /** Compatible mode: plain or encrypted pushes. */
    public static WebhookKeys compatible(String appId, String token, EncodingAesKey key) {
        return new WebhookKeys(appId, token, Optional.of(key), false);
    }

    @Override
    public String toString() {
        return "WebhookKeys[appId=" + appId + ", token=***, aesKey=" + (aesKey.isPresent() ? "***" : "none")
                + ", encryptionRequired=" + encryptionRequired + "]";
    }
}
