package io.feedbackbot.dialogs.survey;

import io.feedbackbot.core.conversation.ConversationKey;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The surveys and account profiles a dialog works with, loaded once at start-up, plus the built-in
 * {@link FollowUpSurvey} unless a file replaces it. Immutable.
 */
public final class SurveyCatalog {

    private final Map<String, SurveyDefinition> surveys;
    private final Map<String, AccountProfile> accounts;
    private final AccountProfile fallback;

    /**
     * @param accounts profiles by {@code channel:account}; other accounts get {@code fallback}
     */
    public SurveyCatalog(List<SurveyDefinition> surveys, Map<String, AccountProfile> accounts,
                         AccountProfile fallback) {
        Map<String, SurveyDefinition> byId = new LinkedHashMap<>();
        for (SurveyDefinition s : surveys) {
            if (byId.putIfAbsent(s.id(), s) != null) {
                throw new IllegalArgumentException("survey id '" + s.id() + "' is defined twice");
            }
        }
        byId.putIfAbsent(FollowUpSurvey.ID, FollowUpSurvey.definition());
        this.surveys = Map.copyOf(byId);
        this.accounts = Map.copyOf(accounts);
        this.fallback = fallback;
    }

    public Optional<SurveyDefinition> survey(String id) {
        return Optional.ofNullable(id == null ? null : surveys.get(id));
    }

    public Collection<SurveyDefinition> surveys() {
        return surveys.values();
    }

    public AccountProfile account(ConversationKey key) {
        return accounts.getOrDefault(key.channel() + ':' + key.account(), fallback);
    }
}
