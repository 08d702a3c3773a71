package io.feedbackbot.wechat.api;

/**
 * An access_token as {@code stable_token} returned it. {@link #toString()} hides the token.
 *
 * @param expiresInSeconds remaining validity when WeChat answered (7200 for a new token, less for a cached one)
 */
public record StableToken(String accessToken, long expiresInSeconds) {

    @Override
    public String toString() {
        return "StableToken[***, expiresIn=" + expiresInSeconds + "s]";
    }
}
