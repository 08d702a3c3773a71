package io.feedbackbot.dialogs.intent;

/**
 * What a customer asks for instead of answering, at any step of a survey.
 *
 * <p>Invariant: the declaration order is the precedence when a message matches more than one intent, so a message
 * that could be an opt-out always is one (on SMS, {@code QUIT} is an opt-out keyword and also a survey quit keyword).
 */
public enum Intent {
    /** Stop every message from this account to this customer, now and in later campaigns. */
    OPT_OUT,
    /** Hand the conversation to a person. */
    HUMAN,
    /** Leave this survey only; later surveys may still be sent. */
    QUIT,
    /** Stop waiting for a person (leave the agent queue). Means something only while waiting for one. */
    LEAVE_QUEUE,
    /** Explain what the bot is and how to opt out. Means something only where the caller offers help. */
    HELP,
    /** Receive messages again after an opt-out. Means something only when the customer is opted out. */
    OPT_IN
}
