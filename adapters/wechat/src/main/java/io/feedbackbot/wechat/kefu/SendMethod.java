package io.feedbackbot.wechat.kefu;

/** How a message outside the HTTP response reaches a WeChat user. */
public enum SendMethod {
    /** {@code message/custom/send}: free text, only inside the user's 48-hour window and budget. */
    CUSTOMER_SERVICE,
    /** {@code message/template/send}: a pre-approved template, any time the user follows the account. */
    TEMPLATE
}
