package io.feedbackbot.wechat.privacy;

/**
 * Masks an OpenID for logs: enough to correlate lines about one user, not enough to message them. Keeps the first
 * four and the last two characters of a 28-character OpenID; short values are hidden completely.
 */
public final class OpenIdMask {

    private OpenIdMask() {
    }

    public static String mask(String openId) {
        if (openId == null) {
            return "null";
        }
        if (openId.length() < 12) {
            return "***";
        }
        return openId.substring(0, 4) + "***" + openId.substring(openId.length() - 2);
    }
}
