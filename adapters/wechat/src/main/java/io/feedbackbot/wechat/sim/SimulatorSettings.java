package io.feedbackbot.wechat.sim;

import io.feedbackbot.wechat.crypto.EncodingAesKey;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * Who the simulator pretends to be and where it posts. {@link #toString()} hides the token and key.
 *
 * @param webhookUrl        the full webhook URL, e.g. {@code http://127.0.0.1:8080/webhooks/wechat/main}
 * @param accountOriginalId the account's {@code gh_…} id, sent as ToUserName
 * @param openId            the simulated user
 */
public record SimulatorSettings(HttpUrl webhookUrl, String token, Optional<EncodingAesKey> aesKey, String appId,
        String accountOriginalId, String openId, SimulatorMode mode) {

    public SimulatorSettings {
        Objects.requireNonNull(webhookUrl, "webhookUrl");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(aesKey, "aesKey");
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(accountOriginalId, "accountOriginalId");
        Objects.requireNonNull(openId, "openId");
        if (mode != SimulatorMode.PLAIN && aesKey.isEmpty()) {
            throw new IllegalArgumentException(mode + " mode needs the account's EncodingAESKey");
        }
    }

    @Override
    public String toString() {
        return "SimulatorSettings[" + webhookUrl + ", appId=" + appId + ", mode=" + mode + ", token=***]";
    }
}
