package io.feedbackbot.core.conversation;

/** How a survey run ended. */
public enum SurveyStatus {
    /** Every question was asked. */
    COMPLETED,
    /** The customer said they did not want to go on ("quit", "不想答了"). */
    QUIT,
    /** The customer opted out of all messages from the account. */
    OPTED_OUT,
    /** The customer asked for a person, or a complaint was escalated to one. */
    HANDED_OFF,
    /** Nobody answered before the run's expiry. */
    EXPIRED,
    /** A newer invitation replaced it. */
    SUPERSEDED
}
