package io.feedbackbot.server.handoff.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackbot.core.store.Transcripts;
import io.feedbackbot.core.ticket.ChangeResult;
import io.feedbackbot.core.ticket.Ticket;
import io.feedbackbot.core.ticket.TicketQuery;
import io.feedbackbot.core.ticket.TicketStatus;
import io.feedbackbot.core.ticket.TicketStore;
import io.feedbackbot.server.handoff.auth.Authenticator;
import io.feedbackbot.server.handoff.auth.Principal;
import io.feedbackbot.server.handoff.auth.Role;
import io.feedbackbot.server.handoff.auth.UserDirectory;
import io.feedbackbot.server.handoff.ticket.AgentReplies;
import io.feedbackbot.server.handoff.ticket.TicketService;
import io.feedbackbot.server.handoff.ticket.TicketViews;
import io.feedbackbot.server.http.HttpError;
import io.feedbackbot.server.http.JsonBodies;
import io.feedbackbot.server.http.Reply;
import io.feedbackbot.server.http.Request;
import io.feedbackbot.server.http.Responses;
import io.feedbackbot.server.http.Router;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The ticket API: {@code GET /api/v1/tickets?status=&queue=&deadline=}, {@code GET /api/v1/tickets/{id}}, and
 * {@code POST …/claim}, {@code …/messages}, {@code …/sms}, {@code …/notes}, {@code …/transfer}, {@code …/resolve},
 * {@code …/close}; {@code GET /api/v1/queues}. Agents, supervisors and admins only; an agent sees the tickets of
 * their queues and those assigned to them (others answer 404, as if they did not exist); only the assignee writes
 * to the customer; supervisors and admins may resolve and transfer any ticket.
 */
public final class TicketRoutes {

    static final int MAX_TEXT = 2_000;
    private static final Set<Role> TICKET_ROLES = EnumSet.of(Role.AGENT, Role.SUPERVISOR, Role.ADMIN);

    private final Authenticator auth;
    private final TicketStore store;
    private final TicketService tickets;
    private final AgentReplies replies;
    private final Transcripts transcripts;
    private final UserDirectory users;
    private final TicketViews views;
    private final Clock clock;
    private final Executor blocking;

    public TicketRoutes(Authenticator auth, TicketStore store, TicketService tickets, AgentReplies replies,
                        Transcripts transcripts, UserDirectory users, TicketViews views, Clock clock, Executor blocking) {
        this.auth = auth;
        this.store = store;
        this.tickets = tickets;
        this.replies = replies;
        this.transcripts = transcripts;
        this.users = users;
        this.views = views;
        this.clock = clock;
        this.blocking = blocking;
    }

    public void register(Router router) {
        router.add(HttpMethod.GET, "/api/v1/tickets", auth.require(TICKET_ROLES, this::list))
                .add(HttpMethod.GET, "/api/v1/tickets/{id}", auth.require(TICKET_ROLES, this::get))
                .add(HttpMethod.POST, "/api/v1/tickets/{id}/claim", auth.require(TICKET_ROLES, this::claim))
                .add(HttpMethod.POST, "/api/v1/tickets/{id}/messages", auth.require(TICKET_ROLES, this::message))
                .add(HttpMethod.POST, "/api/v1/tickets/{id}/sms", auth.require(TICKET_ROLES, this::sms))
                .add(HttpMethod.POST, "/api/v1/tickets/{id}/notes", auth.require(TICKET_ROLES, this::note))
                .add(HttpMethod.POST, "/api/v1/tickets/{id}/transfer", auth.require(TICKET_ROLES, this::transfer))
                .add(HttpMethod.POST, "/api/v1/tickets/{id}/resolve", auth.require(TICKET_ROLES, this::resolve))
                .add(HttpMethod.POST, "/api/v1/tickets/{id}/close", auth.require(TICKET_ROLES, this::close))
                .add(HttpMethod.GET, "/api/v1/queues", auth.require(TICKET_ROLES, this::queues));
    }

    private CompletableFuture<Reply> list(Request request, Principal caller) {
        Set<TicketStatus> statuses = new LinkedHashSet<>();
        for (String s : request.queryParam("status").orElse("open,claimed").split(",")) {
            try {
                statuses.add(TicketStatus.parse(s.trim()));
            } catch (IllegalArgumentException e) {
                throw HttpError.badRequest(e.getMessage());
            }
        }
        Set<String> queues = caller.seesAllQueues() ? null : caller.queues();
        String queue = request.queryParam("queue").filter(q -> !q.isBlank()).orElse(null);
        if (queue != null) {
            if (!caller.seesQueue(queue)) {
                throw HttpError.forbidden("you do not work the queue '" + queue + "'");
            }
            queues = Set.of(queue);
        }
        String deadline = request.queryParam("deadline").orElse("");
        if (!deadline.isEmpty() && !deadline.equals("near") && !deadline.equals("past")) {
            throw HttpError.badRequest("deadline must be near or past");
        }
        int limit = request.queryParam("limit").map(TicketRoutes::limit).orElse(200);
        TicketQuery query = new TicketQuery(queues, statuses, queue == null && !caller.seesAllQueues()
                ? caller.name() : null, limit);
        return CompletableFuture.supplyAsync(() -> {
            var now = clock.instant();
            List<Map<String, Object>> out = store.list(query).stream()
                    .filter(t -> queue != null || caller.sees(t))
                    .filter(t -> deadline.isEmpty() || views.deadlineState(t, now).equals(deadline)
                            || deadline.equals("near") && views.deadlineState(t, now).equals("past"))
                    .map(t -> views.summary(t, now)).toList();
            return Responses.json(HttpResponseStatus.OK, Map.of("tickets", out, "serverTime", now.toString()));
        }, blocking);
    }

    private CompletableFuture<Reply> get(Request request, Principal caller) {
        return visible(request, caller).thenApplyAsync(t -> Responses.json(HttpResponseStatus.OK,
                views.detail(t, store.events(t.id(), 500), transcripts.read(t.conversation(), 0), clock.instant(),
                        replies.smsAvailable(t))), blocking);
    }

    private CompletableFuture<Reply> claim(Request request, Principal caller) {
        return visible(request, caller).thenCompose(t -> tickets.claim(t.id(), caller.name()))
                .thenApply(acted -> {
                    if (acted.result() instanceof ChangeResult.Refused refused) {
                        Ticket now = refused.current();
                        String who = now.assignee();
                        throw new HttpError(HttpResponseStatus.CONFLICT, who != null
                                ? "already claimed by " + who : "this ticket is " + now.status().id() + ", not open");
                    }
                    return ok(acted);
                });
    }

    private CompletableFuture<Reply> message(Request request, Principal caller) {
        String text = text(JsonBodies.object(request), "text");
        return visible(request, caller).thenCompose(t -> {
            requireAssignee(t, caller);
            return replies.reply(t, caller.name(), text);
        }).thenApply(sent -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("outcomes", sent.mailbox() ? List.of(Map.of("status", "mailbox"))
                    : sent.outcomes().stream().map(Outcomes::json).toList());
            out.put("windowClosed", sent.windowClosed());
            out.put("smsFallback", sent.smsOffer() == null ? null : Map.of("to", sent.smsOffer()));
            return Responses.json(HttpResponseStatus.OK, out);
        });
    }

    private CompletableFuture<Reply> sms(Request request, Principal caller) {
        JsonNode body = JsonBodies.object(request);
        String text = text(body, "text");
        String requestId = JsonBodies.requiredText(body, "requestId");
        if (!requestId.matches("[A-Za-z0-9_-]{8,64}")) {
            throw HttpError.badRequest("requestId must be 8 to 64 letters, digits, '-' or '_' (one per message)");
        }
        return visible(request, caller).thenCompose(t -> {
            requireAssignee(t, caller);
            return replies.sms(t, caller.name(), text, requestId);
        }).thenApply(o -> Responses.json(HttpResponseStatus.OK, Map.of("outcomes", List.of(Outcomes.json(o)))));
    }

    private CompletableFuture<Reply> note(Request request, Principal caller) {
        String text = text(JsonBodies.object(request), "text");
        return visible(request, caller).thenCompose(t -> tickets.note(t.id(), caller.name(), text))
                .thenApply(this::ok);
    }

    private CompletableFuture<Reply> transfer(Request request, Principal caller) {
        JsonNode body = JsonBodies.object(request);
        String queue = optional(body, "queue");
        String agent = optional(body, "agent");
        if (queue == null && agent == null) {
            throw HttpError.badRequest("name a queue or an agent to transfer to");
        }
        if (queue != null && !users.queueExists(queue)) {
            throw HttpError.badRequest("no such queue: '" + queue + "'");
        }
        if (agent != null && users.agents().stream().noneMatch(p -> p.name().equals(agent))) {
            throw HttpError.badRequest("no such agent: '" + agent + "'");
        }
        return visible(request, caller).thenCompose(t -> {
            if (!caller.seesAllQueues() && t.status() == TicketStatus.CLAIMED && !caller.name().equals(t.assignee())) {
                throw HttpError.forbidden("only its agent or a supervisor may transfer a claimed ticket");
            }
            return tickets.transfer(t, caller.name(), queue, agent, optional(body, "note"));
        }).thenApply(this::ok);
    }

    private CompletableFuture<Reply> resolve(Request request, Principal caller) {
        JsonNode body = JsonBodies.object(request);
        String note = optional(body, "note");
        if (note != null && note.length() > MAX_TEXT) {
            throw HttpError.badRequest("note is longer than " + MAX_TEXT + " characters");
        }
        JsonNode complaint = body.get("complaint");
        if (complaint != null && !complaint.isBoolean() && !complaint.isNull()) {
            throw HttpError.badRequest("complaint must be true or false");
        }
        Boolean wasComplaint = complaint == null || complaint.isNull() ? null : complaint.asBoolean();
        return visible(request, caller).thenCompose(t -> {
            if (!caller.seesAllQueues()) {
                requireAssignee(t, caller);
            }
            return tickets.resolve(t.id(), caller.name(), caller.seesAllQueues() ? null : caller.name(), note,
                    wasComplaint);
        }).thenApply(this::ok);
    }

    private CompletableFuture<Reply> close(Request request, Principal caller) {
        String note = optional(JsonBodies.object(request), "note");
        return visible(request, caller).thenCompose(t -> tickets.close(t.id(), caller.name(), note)).thenApply(this::ok);
    }

    private CompletableFuture<Reply> queues(Request request, Principal caller) {
        List<String> queues = users.queues().stream().filter(caller::seesQueue).toList();
        List<Map<String, Object>> agents = users.agents().stream().map(p -> Map.<String, Object>of("username", p.name(),
                "name", p.displayName(), "queues", p.queues().stream().sorted().toList())).toList();
        return Responses.done(Responses.json(HttpResponseStatus.OK, Map.of("queues", queues, "allQueues",
                users.queues(), "agents", agents)));
    }

    /** The ticket of the path, if the caller may see it; 404 otherwise (hiding other queues' tickets). */
    private CompletableFuture<Ticket> visible(Request request, Principal caller) {
        String id = request.pathParam("id");
        if (!id.matches("[A-Za-z0-9_-]{1,64}")) {
            throw HttpError.notFound("no such ticket");
        }
        return tickets.find(id).thenApply(t -> t.filter(caller::sees)
                .orElseThrow(() -> HttpError.notFound("no such ticket: " + id)));
    }

    private static void requireAssignee(Ticket t, Principal caller) {
        if (t.status() != TicketStatus.CLAIMED || !caller.name().equals(t.assignee())) {
            throw new HttpError(HttpResponseStatus.CONFLICT, t.status() == TicketStatus.CLAIMED
                    ? "this ticket is with " + t.assignee() : "claim this ticket first (it is " + t.status().id() + ")");
        }
    }

    private Reply ok(TicketService.Acted acted) {
        if (acted.result() instanceof ChangeResult.Missing) {
            throw HttpError.notFound("no such ticket");
        }
        if (acted.result() instanceof ChangeResult.Refused refused) {
            throw new HttpError(HttpResponseStatus.CONFLICT, "not possible now: the ticket is "
                    + refused.current().status().id() + (refused.current().assignee() == null ? ""
                    : " with " + refused.current().assignee()));
        }
        return ok(((ChangeResult.Applied) acted.result()), acted);
    }

    private Reply ok(ChangeResult.Applied applied, TicketService.Acted acted) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ticket", views.summary(applied.ticket(), clock.instant()));
        out.put("outcomes", acted.outcomes().stream().map(Outcomes::json).toList());
        return Responses.json(HttpResponseStatus.OK, out);
    }

    private static String text(JsonNode body, String field) {
        String text = JsonBodies.requiredText(body, field);
        if (text.length() > MAX_TEXT) {
            throw HttpError.badRequest(field + " is longer than " + MAX_TEXT + " characters");
        }
        return text;
    }

    private static String optional(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || !value.isTextual() || value.asText().isBlank() ? null : value.asText();
    }

    private static int limit(String text) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= 1000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw HttpError.badRequest("limit must be a number from 1 to 1000");
    }
}
