package io.feedbackbot.wechat.api;

import java.util.OptionalLong;

/**
 * WeChat's answer to a send call: {@code errcode} (0 when absent), {@code errmsg} and, for template sends,
 * {@code msgid} (matched later by {@code TEMPLATESENDJOBFINISH}).
 */
public record ApiReply(int errcode, String errmsg, OptionalLong msgId) {

    public ApiReply {
        errmsg = errmsg == null ? "" : errmsg;
    }

    public ErrorClass errorClass() {
        return ErrorClass.of(errcode);
    }

    public boolean ok() {
        return errcode == 0;
    }
}
