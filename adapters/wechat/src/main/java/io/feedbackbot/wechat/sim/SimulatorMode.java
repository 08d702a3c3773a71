package io.feedbackbot.wechat.sim;

/** The message encryption mode the simulated WeChat uses, as set in the account's admin console. */
public enum SimulatorMode {
    /** 明文: plain XML, no encrypt_type. */
    PLAIN,
    /** 兼容: plain fields and {@code <Encrypt>} in one body, {@code encrypt_type=aes}. */
    COMPATIBLE,
    /** 安全: only {@code <ToUserName>} and {@code <Encrypt>}, {@code encrypt_type=aes}; replies must be encrypted. */
    SAFE
}
