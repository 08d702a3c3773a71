package io.feedbackbot.bench.setup;

/**
 * The one account per channel that the benchmark server is configured with and the load generator speaks to.
 * Made-up credentials, known to both sides, valid for nothing outside this machine.
 */
public final class BenchAccounts {

    public static final String ACCOUNT = "bench";

    public static final String WECHAT_APP_ID = "wx0000000000bench";
    public static final String WECHAT_TOKEN = "benchtoken";
    /** WeChat's documented sample key: 43 base64 characters. */
    public static final String WECHAT_AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    public static final String WECHAT_ORIGINAL_ID = "gh_00000000bench";

    public static final String SMS_ACCOUNT_SID = "AC00000000000000000000000000bench";
    public static final String SMS_AUTH_TOKEN = "benchauthtoken";
    public static final String SMS_FROM = "+8613900000000";

    private BenchAccounts() {
    }

    /** The URL the SMS provider would call, which its signatures cover. */
    public static String smsPublicUrl(int httpPort) {
        return "http://127.0.0.1:" + httpPort + "/webhooks/sms/" + ACCOUNT;
    }
}
