package io.feedbackbot.wechat.api;

import java.util.Set;

/**
 * What to do about a WeChat errcode (protocols.md §2.5). Unknown codes are {@link #PERMANENT}: giving up and
 * recording the failure is safer than repeating a request whose effect we do not understand.
 */
public enum ErrorClass {
    /** errcode 0. */
    OK,
    /** 40001, 40014, 42001: the access_token is invalid or expired; refresh it and retry once. */
    TOKEN_INVALID,
    /** -1: system busy; retry with exponential backoff. */
    BUSY,
    /** 45009 (daily quota), 45011 (minute quota): stop calling until the quota resets. */
    QUOTA,
    /** 45015: outside the 48-hour customer-service window, or the user unfollowed; use a template instead. */
    WINDOW_CLOSED,
    /** 45047: the customer-service message budget for this user is spent; use a template instead. */
    BUDGET_SPENT,
    /** Everything else (43004 not following, 43019 blocked, 40003 bad OpenID, 48001, 50002, …): give up. */
    PERMANENT;

    private static final Set<Integer> TOKEN_CODES = Set.of(40001, 40014, 42001);

    public static ErrorClass of(int errcode) {
        if (errcode == 0) {
            return OK;
        }
        if (TOKEN_CODES.contains(errcode)) {
            return TOKEN_INVALID;
        }
        return switch (errcode) {
            case -1 -> BUSY;
            case 45009, 45011 -> QUOTA;
            case 45015 -> WINDOW_CLOSED;
            case 45047 -> BUDGET_SPENT;
            default -> PERMANENT;
        };
    }
}
