package io.feedbackbot.server.webchat;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackbot.core.conversation.ConversationKey;
import io.feedbackbot.core.conversation.Language;
import io.feedbackbot.core.engine.ConversationEngine;
import io.feedbackbot.core.message.InboundContent;
import io.feedbackbot.core.message.InboundMessage;
import io.feedbackbot.core.outbound.Mailbox;
import io.feedbackbot.server.http.HttpError;
import io.feedbackbot.server.http.JsonBodies;
import io.feedbackbot.server.http.Reply;
import io.feedbackbot.server.http.Request;
import io.feedbackbot.server.http.Responses;
import io.feedbackbot.server.http.Router;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The web chat channel over HTTP: customers' messages in ({@code POST /webhooks/webchat/{account}}, answered
 * with the bot's replies), the mailbox of later messages ({@code GET …/messages}), and the live feed of the
 * mailbox as server-sent events ({@code GET …/events}).
 */
final class WebchatRoutes {

    static final int MAX_TEXT = 2_000;

    private final Set<String> accounts;
    private final ConversationEngine engine;
    private final Mailbox mailbox;
    private final MailboxEvents events;
    private final Executor blocking;
    private final Clock clock;

    WebchatRoutes(Set<String> accounts, ConversationEngine engine, Mailbox mailbox, MailboxEvents events,
                  Executor blocking, Clock clock) {
        this.accounts = Set.copyOf(accounts);
        this.engine = engine;
        this.mailbox = mailbox;
        this.events = events;
        this.blocking = blocking;
        this.clock = clock;
    }

    public void register(Router router) {
        router.add(HttpMethod.POST, "/webhooks/webchat/{account}", this::receive)
                .add(HttpMethod.GET, "/webhooks/webchat/{account}/messages", this::messages)
                .add(HttpMethod.GET, "/webhooks/webchat/{account}/events", this::events);
    }

    private CompletableFuture<Reply> receive(Request request) {
        String account = account(request);
        JsonNode body = JsonBodies.object(request);
        String from = JsonBodies.requiredText(body, "from");
        String text = JsonBodies.requiredText(body, "text");
        String messageId = JsonBodies.requiredText(body, "messageId");
        if (text.length() > MAX_TEXT) {
            throw HttpError.badRequest("text is longer than " + MAX_TEXT + " characters");
        }
        Language hint = body.hasNonNull("language") ? Language.fromTag(body.get("language").asText()).orElse(null) : null;
        InboundMessage message;
        try {
            message = new InboundMessage(new ConversationKey("webchat", account, from), messageId,
                    new InboundContent.Text(text), clock.instant(), hint);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(e.getMessage());
        }
        return engine.handle(message).thenApply(result -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("replies", result.replies().stream().map(r -> Map.of("text", r)).toList());
            out.put("duplicate", result.duplicate());
            return Responses.json(HttpResponseStatus.OK, out);
        });
    }

    private CompletableFuture<Reply> messages(Request request) {
        ConversationKey key = customer(request);
        String after = request.queryParam("after").filter(s -> !s.isBlank()).orElse(null);
        int limit = request.queryParam("limit").map(WebchatRoutes::limit).orElse(100);
        return CompletableFuture.supplyAsync(() -> {
            List<Mailbox.Entry> entries = mailbox.read(key, after, limit);
            String cursor = entries.isEmpty() ? after : entries.get(entries.size() - 1).cursor();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("messages", entries.stream().map(MailboxEvents::json).toList());
            out.put("cursor", cursor);
            return Responses.json(HttpResponseStatus.OK, out);
        }, blocking);
    }

    private CompletableFuture<Reply> events(Request request) {
        ConversationKey key = customer(request);
        String after = request.header("Last-Event-ID").or(() -> request.queryParam("after"))
                .filter(s -> !s.isBlank()).orElse(null);
        return Responses.done(new Reply.Streamed((ctx, keepAlive) -> events.open(ctx, key, after)));
    }

    private String account(Request request) {
        String account = request.pathParam("account");
        if (!accounts.contains(account)) {
            throw HttpError.notFound("unknown web chat account '" + account + "'");
        }
        return account;
    }

    private ConversationKey customer(Request request) {
        String account = account(request);
        String customer = request.queryParam("customer")
                .orElseThrow(() -> HttpError.badRequest("the customer query parameter is required"));
        try {
            return new ConversationKey("webchat", account, customer);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(e.getMessage());
        }
    }

    private static int limit(String text) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= 1000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the error
        }
        throw HttpError.badRequest("limit must be a number from 1 to 1000");
    }
}
