package io.feedbackbot.config;

import io.feedbackbot.core.conversation.Language;

/**
 * A web chat account (one chat page or widget).
 *
 * @param id              the account id in URLs ({@code /webhooks/webchat/{id}})
 * @param defaultSurvey   the survey a customer gets by writing first, or null
 * @param defaultLanguage the language when nothing else tells
 */
public record WebchatAccount(String id, String defaultSurvey, Language defaultLanguage) {
}
