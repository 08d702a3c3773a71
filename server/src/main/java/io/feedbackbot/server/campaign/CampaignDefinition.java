package io.feedbackbot.server.campaign;

import io.feedbackbot.core.conversation.InvitationPolicy;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

/**
 * What a marketer asked for: a survey sent over one channel account to an audience, between a start and an end, in
 * each recipient's local send window, at a pace, with reminders, an expiry and a fatigue rule. Immutable once
 * created; its status lives apart.
 *
 * @param perSecond  messages per second on the account; 0 for no pacing
 * @param language   the language for recipients whose row gives none, or null to let the first reply decide
 * @param days       the days of the week the window sends
 * @param fromMinute window opening, minutes after local midnight
 * @param toMinute   window closing (exclusive), minutes after local midnight
 * @param zone       the time zone of recipients whose row gives none
 * @param holidays   the holiday calendar's name, or null for none
 */
public record CampaignDefinition(String id, String name, String surveyId, String channel, String account,
                                 Instant start, Instant end, Set<DayOfWeek> days, int fromMinute, int toMinute,
                                 ZoneId zone, String holidays, double perSecond, Duration reminderAfter,
                                 int maxReminders, Duration expiresAfter, Duration fatigue, String language,
                                 Instant createdAt) {

    public CampaignDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(surveyId, "surveyId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(zone, "zone");
        days = Set.copyOf(days);
    }

    /** How the conversation core treats each invitation of this campaign. */
    public InvitationPolicy policy() {
        return new InvitationPolicy(expiresAfter, reminderAfter, reminderAfter == null ? 0 : maxReminders, fatigue);
    }

    public boolean paced() {
        return perSecond > 0;
    }

    /** The invitation id of a recipient: the same every time it is sent, so a re-drive is one invitation. */
    public String invitationId(long seq, String recipientId) {
        return id + "/" + seq + "/" + recipientId;
    }

    /** The campaign and recipient sequence number in an invitation id made by {@link #invitationId}, or null. */
    public static Ids parse(String invitationId) {
        if (invitationId == null) {
            return null;
        }
        String[] parts = invitationId.split("/", 3);
        if (parts.length != 3) {
            return null;
        }
        try {
            return new Ids(parts[0], Long.parseLong(parts[1]), parts[2]);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The parts of a campaign invitation id. */
    public record Ids(String campaign, long seq, String recipient) {
    }
}
