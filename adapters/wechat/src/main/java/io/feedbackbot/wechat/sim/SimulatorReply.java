package io.feedbackbot.wechat.sim;

/** What the server answered to a simulated push, checked the way WeChat checks it. */
public sealed interface SimulatorReply {

    /** A passive text reply; in safe and compatible mode its msg_signature verified and it decrypted. */
    record Text(String content, boolean encrypted) implements SimulatorReply {
    }

    /** {@code success} or an empty body: the answer will come through the customer-service API. */
    record Acknowledged() implements SimulatorReply {
    }

    /** A non-200 status (the server refused the push). */
    record Refused(int status, String body) implements SimulatorReply {
    }

    /** A 200 that WeChat would not accept (the user would see "该公众号暂时无法提供服务"). */
    record Invalid(String reason) implements SimulatorReply {
    }
}
