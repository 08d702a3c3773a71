package io.feedbackbot.core.conversation;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A request to run one survey with one customer, raised at a touchpoint (an API call, a campaign, or the
 * customer writing first). The context (store, touchpoint, campaign attributes…) travels into every answer.
 *
 * @param invitationId unique id; the same id invited twice is the same invitation
 * @param surveyId     the survey to run
 * @param to           the customer's conversation
 * @param language     the language to use, or null to take it from the customer's first message
 * @param context      free attributes recorded with every answer
 * @param campaignId   the campaign that sent it, or null for a transactional invitation
 * @param policy       expiry, reminders and fatigue rule
 * @param at           when it was raised
 */
public record Invitation(String invitationId, String surveyId, ConversationKey to, Language language,
                         Map<String, String> context, String campaignId, InvitationPolicy policy, Instant at) {

    public Invitation {
        Objects.requireNonNull(invitationId, "invitationId");
        Objects.requireNonNull(surveyId, "surveyId");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
        if (invitationId.isBlank() || invitationId.length() > 128) {
            throw new IllegalArgumentException("invitationId must be 1 to 128 characters");
        }
        context = context == null ? Map.of() : Map.copyOf(context);
        policy = policy == null ? InvitationPolicy.NONE : policy;
    }

    /** A transactional invitation: no reminders, no fatigue rule. */
    public Invitation(String invitationId, String surveyId, ConversationKey to, Language language,
                      Map<String, String> context, String campaignId, Instant at) {
        this(invitationId, surveyId, to, language, context, campaignId, InvitationPolicy.NONE, at);
    }
}
