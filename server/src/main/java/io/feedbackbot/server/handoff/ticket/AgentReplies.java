package io.feedbackbot.server.handoff.ticket;

import io.feedbackbot.core.conversation.ConversationKey;
import io.feedbackbot.core.conversation.Handoff;
import io.feedbackbot.core.dialog.DialogInput;
import io.feedbackbot.core.engine.ConversationEngine;
import io.feedbackbot.core.outbound.Delivery;
import io.feedbackbot.core.outbound.DeliveryOutcome;
import io.feedbackbot.core.outbound.OutboundSender;
import io.feedbackbot.core.store.ConversationStore;
import io.feedbackbot.core.ticket.Ticket;
import io.feedbackbot.server.http.HttpError;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;

/**
 * An agent's messages to the customer, through the customer's own channel: the conversation engine sends them (the
 * web chat mailbox, the WeChat customer-service API, SMS) and says how each went. When WeChat refuses because the
 * customer-service window (48 h / 5 messages) is spent, the agent is told so and, if the ticket's context has the
 * customer's phone number and an SMS account is configured for fallback, offered to send by SMS instead: once per
 * request id, never to a number that opted out.
 */
public final class AgentReplies {

    /** How the WeChat channel words a refusal for a spent window (reason text or errcode 45015 / 45047). */
    static final Pattern WINDOW_CLOSED = Pattern.compile(
            "(?i).*(window|48 ?h|45015|45047|out of (response|time)|response count).*", Pattern.DOTALL);
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    private final TicketService tickets;
    private final ConversationStore conversations;
    private final ConversationEngine engine;
    private final Set<String> mailboxChannels;
    private final SmsFallback sms;
    private final Clock clock;
    private final Executor blocking;

    public AgentReplies(TicketService tickets, ConversationStore conversations, ConversationEngine engine,
                        Set<String> mailboxChannels, SmsFallback sms, Clock clock, Executor blocking) {
        this.tickets = tickets;
        this.conversations = conversations;
        this.engine = engine;
        this.mailboxChannels = Set.copyOf(mailboxChannels);
        this.sms = sms;
        this.clock = clock;
        this.blocking = blocking;
    }

    /**
     * The SMS channel's sender and the account agents may fall back to.
     *
     * @param sender the SMS channel's sender, or null when there is no SMS channel
     * @param account the configured fallback account, or null when fallback is off
     */
    public record SmsFallback(OutboundSender sender, String account) {
        public boolean enabled() {
            return sender != null && account != null;
        }
    }

    /**
     * How a message went.
     *
     * @param mailbox      it went to the web chat mailbox (always delivered)
     * @param windowClosed WeChat's customer-service window is spent
     * @param smsOffer     the masked number an SMS could go to, or null when there is no SMS fallback
     */
    public record Sent(List<DeliveryOutcome> outcomes, boolean mailbox, boolean windowClosed, String smsOffer) {
    }

    public CompletableFuture<Sent> reply(Ticket ticket, String agent, String text) {
        return CompletableFuture.supplyAsync(() -> {
            Handoff handoff = conversations.load(ticket.conversation()).map(s -> s.state().handoff()).orElse(null);
            if (handoff == null || !handoff.ticketId().equals(ticket.id())) {
                throw new HttpError(HttpResponseStatus.CONFLICT,
                        "the customer is no longer waiting on this ticket (they left, or it ended)");
            }
            return handoff;
        }, blocking).thenCompose(h -> engine.submit(ticket.conversation(),
                new DialogInput.AgentMessage(ticket.id(), agent, text, clock.instant()))).thenCompose(outcomes -> {
            boolean mailbox = mailboxChannels.contains(ticket.conversation().channel());
            boolean closed = outcomes.stream().anyMatch(o -> o instanceof DeliveryOutcome.NotSent n
                    && WINDOW_CLOSED.matcher(n.reason()).matches());
            Sent sent = new Sent(outcomes, mailbox, closed, closed ? smsNumber(ticket).map(ConversationKey::mask)
                    .orElse(null) : null);
            Map<String, String> details = new LinkedHashMap<>();
            details.put("text", text);
            details.put("outcome", mailbox ? "mailbox" : describe(outcomes));
            return tickets.logMessage(ticket.id(), agent, "message", details).thenApply(r -> sent);
        });
    }

    /** Sends {@code text} by SMS to the ticket's phone number, once per {@code requestId}. */
    public CompletableFuture<DeliveryOutcome> sms(Ticket ticket, String agent, String text, String requestId) {
        String phone = smsNumber(ticket).orElseThrow(() -> new HttpError(HttpResponseStatus.CONFLICT,
                "no SMS fallback for this ticket (needs handoff.smsFallbackAccount and the customer's phone in E.164)"));
        ConversationKey to = new ConversationKey("sms", sms.account(), phone);
        return CompletableFuture.supplyAsync(() -> {
            if (conversations.load(to).map(s -> s.state().optedOut()).orElse(false)) {
                throw new HttpError(HttpResponseStatus.CONFLICT, "this customer opted out of SMS; nothing was sent");
            }
            return sms.sender().deliver(new Delivery("ticket:" + ticket.id() + "/sms/" + requestId, to, text,
                    Delivery.Purpose.AGENT, Map.of("ticketId", ticket.id())));
        }, blocking).thenCompose(outcome -> tickets.logMessage(ticket.id(), agent, "sms", Map.of("text", text,
                "to", ConversationKey.mask(phone), "outcome", describe(List.of(outcome)))).thenApply(r -> outcome));
    }

    /** Whether an SMS could reach this ticket's customer if their channel cannot. */
    public boolean smsAvailable(Ticket ticket) {
        return smsNumber(ticket).isPresent();
    }

    /** The phone number an SMS may go to, when the fallback is on and the ticket's context has a valid one. */
    Optional<String> smsNumber(Ticket ticket) {
        String phone = ticket.origin().context().get("phone");
        return sms.enabled() && phone != null && E164.matcher(phone).matches() ? Optional.of(phone) : Optional.empty();
    }

    /** One word per outcome, with the reason: {@code sent}, {@code not_sent: …}, {@code unknown: …}. */
    static String describe(List<DeliveryOutcome> outcomes) {
        return String.join(", ", outcomes.stream().map(AgentReplies::describe).toList());
    }

    static String describe(DeliveryOutcome o) {
        if (o instanceof DeliveryOutcome.Sent) {
            return "sent";
        }
        if (o instanceof DeliveryOutcome.NotSent n) {
            return "not_sent: " + n.reason();
        }
        if (o instanceof DeliveryOutcome.Unknown u) {
            return "unknown: " + u.reason();
        }
        return "already_handled";
    }
}
