package io.feedbackbot.core.dialog;

import io.feedbackbot.core.classify.ComplaintAssessment;
import io.feedbackbot.core.conversation.Invitation;
import io.feedbackbot.core.conversation.Language;
import java.time.Instant;
import java.util.Objects;

/** A fact that reaches a dialog. Everything the dialog needs from the world is already inside. */
public sealed interface DialogInput {

    /** When the fact happened. */
    Instant at();

    /**
     * The customer wrote text.
     *
     * @param detected  the language the text looks like, else the channel's hint, else null (digits, emoji)
     * @param complaint what the complaint classifier made of it
     */
    record CustomerText(String text, Instant at, Language detected, ComplaintAssessment complaint)
            implements DialogInput {
        public CustomerText {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(at, "at");
            complaint = complaint == null ? ComplaintAssessment.NONE : complaint;
        }
    }

    /** The customer sent something other than text (an image, a voice note…), of the channel's type name. */
    record CustomerMedia(String type, Instant at) implements DialogInput {
        public CustomerMedia {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * A channel event from the customer: following the account ({@code subscribe}), a menu click ({@code CLICK}
     * with the button key), scanning a code ({@code SCAN}).
     */
    record CustomerEvent(String event, String eventKey, Instant at) implements DialogInput {
        public CustomerEvent {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(at, "at");
        }
    }

    /** A survey invitation for this customer. */
    record SurveyInvited(Invitation invitation, Instant at) implements DialogInput {
        public SurveyInvited {
            Objects.requireNonNull(invitation, "invitation");
            Objects.requireNonNull(at, "at");
        }
    }

    /** An agent took the conversation's work order: from now on the agent talks, the bot is silent. */
    record AgentJoined(String ticketId, String agent, Instant at) implements DialogInput {
        public AgentJoined {
            Objects.requireNonNull(ticketId, "ticketId");
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(at, "at");
        }
    }

    /** An agent wrote to the customer. */
    record AgentMessage(String ticketId, String agent, String text, Instant at) implements DialogInput {
        public AgentMessage {
            Objects.requireNonNull(ticketId, "ticketId");
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * The work order ended: resolved by an agent (who is named; the bot then asks the customer whether the problem
     * was solved), or closed without contact ({@code agent} null; the bot says nothing).
     */
    record TicketEnded(String ticketId, String agent, Instant at) implements DialogInput {
        public TicketEnded {
            Objects.requireNonNull(ticketId, "ticketId");
            Objects.requireNonNull(at, "at");
        }
    }

    /** The timeout the dialog scheduled with {@link Action.ScheduleTimeout} is due. */
    record TimeoutElapsed(Instant at) implements DialogInput {
        public TimeoutElapsed {
            Objects.requireNonNull(at, "at");
        }
    }
}
