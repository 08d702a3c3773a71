package io.feedbackbot.wechat.token;

/**
 * No usable access_token could be had. {@link #retryable()} tells a passing problem (WeChat busy or unreachable,
 * quota, another node slow to refresh) from a configuration one (bad AppSecret, IP not whitelisted).
 */
public final class TokenUnavailableException extends RuntimeException {

    private final boolean retryable;
    private final int errcode;

    public TokenUnavailableException(String message, boolean retryable, int errcode, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.errcode = errcode;
    }

    public boolean retryable() {
        return retryable;
    }

    /** WeChat's errcode when WeChat refused, else 0. */
    public int errcode() {
        return errcode;
    }
}
