package io.feedbackbot.sms.sim;

import io.feedbackbot.sms.form.FormParams;
import java.util.Objects;

/** An inbound SMS as the provider would post it: the form parameters, including its {@code MessageSid}. */
public record SimulatedSms(String messageSid, FormParams params) {

    public SimulatedSms {
        Objects.requireNonNull(messageSid, "messageSid");
        Objects.requireNonNull(params, "params");
    }
}
