package io.feedbackbot.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackbot.core.conversation.ConversationKey;
import io.feedbackbot.core.conversation.Invitation;
import io.feedbackbot.core.conversation.Language;
import io.feedbackbot.core.engine.ConversationEngine;
import io.feedbackbot.core.engine.InviteResult;
import io.feedbackbot.core.outbound.DeliveryOutcome;
import io.feedbackbot.dialogs.survey.SurveyCatalog;
import io.feedbackbot.server.http.HttpError;
import io.feedbackbot.server.http.JsonBodies;
import io.feedbackbot.server.http.Reply;
import io.feedbackbot.server.http.Request;
import io.feedbackbot.server.http.Responses;
import io.feedbackbot.server.http.Router;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiPredicate;

/**
 * {@code POST /api/v1/surveys/{surveyId}/invitations}: starts a survey with a customer at a touchpoint. Answers
 * 202 with the invitation id once the first question went to the customer's channel, or with the reason it was
 * not started (opted out, a survey already running…).
 */
public final class InvitationRoutes {

    private final ConversationEngine engine;
    private final SurveyCatalog catalog;
    private final BiPredicate<String, String> accountExists;
    private final CustomerIds customerIds;
    private final Clock clock;

    /** How a channel reads the {@code to} of an invitation (an SMS number becomes E.164). */
    @FunctionalInterface
    public interface CustomerIds {
        /** @throws IllegalArgumentException with a message for the caller when {@code raw} is not a customer */
        String customerId(String channel, String account, String raw);
    }

    /**
     * @param accountExists whether a (channel, account) pair is configured
     * @param customerIds   normalises {@code to} per channel
     */
    public InvitationRoutes(ConversationEngine engine, SurveyCatalog catalog, BiPredicate<String, String> accountExists,
                            CustomerIds customerIds, Clock clock) {
        this.engine = engine;
        this.catalog = catalog;
        this.accountExists = accountExists;
        this.customerIds = customerIds;
        this.clock = clock;
    }

    public void register(Router router, ApiAuth auth) {
        router.add(HttpMethod.POST, "/api/v1/surveys/{surveyId}/invitations", auth.require(ApiAuth.INVITE, this::invite));
    }

    private CompletableFuture<Reply> invite(Request request) {
        String surveyId = request.pathParam("surveyId");
        if (catalog.survey(surveyId).isEmpty()) {
            throw HttpError.notFound("unknown survey '" + surveyId + "'");
        }
        JsonNode body = JsonBodies.object(request);
        String channel = JsonBodies.requiredText(body, "channel");
        String account = JsonBodies.requiredText(body, "account");
        String to = JsonBodies.requiredText(body, "to");
        if (!accountExists.test(channel, account)) {
            throw HttpError.notFound("unknown account '" + account + "' on channel '" + channel + "'");
        }
        try {
            to = customerIds.customerId(channel, account, to);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest("to: " + e.getMessage());
        }
        Language language = null;
        if (body.hasNonNull("language")) {
            language = Language.fromTag(body.get("language").asText()).orElseThrow(() ->
                    HttpError.badRequest("language must be zh-CN or en"));
        }
        Map<String, String> context = new LinkedHashMap<>();
        JsonNode ctx = body.path("context");
        if (!ctx.isMissingNode() && !ctx.isNull()) {
            if (!ctx.isObject()) {
                throw HttpError.badRequest("context must be an object of strings");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = ctx.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isValueNode()) {
                    throw HttpError.badRequest("context." + e.getKey() + " must be a string or a number");
                }
                context.put(e.getKey(), e.getValue().asText());
            }
        }
        String invitationId = body.hasNonNull("invitationId") ? body.get("invitationId").asText()
                : UUID.randomUUID().toString();
        Invitation invitation;
        try {
            invitation = new Invitation(invitationId, surveyId, new ConversationKey(channel, account, to), language,
                    context, null, clock.instant());
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(e.getMessage());
        }
        return engine.invite(invitation).thenApply(InvitationRoutes::reply);
    }

    private static Reply reply(InviteResult result) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("invitationId", result.invitationId());
        out.put("status", result.started() ? "started" : "declined");
        if (result.reason() != null) {
            out.put("reason", result.reason());
        }
        result.outcomes().stream().filter(o -> !(o instanceof DeliveryOutcome.Sent)).findFirst()
                .ifPresent(o -> out.put("delivery", o.toString()));
        return Responses.json(HttpResponseStatus.ACCEPTED, out);
    }
}
