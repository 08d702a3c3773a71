package io.feedbackbot.redis.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.feedbackbot.core.conversation.ClosedSurvey;
import io.feedbackbot.core.conversation.CollectedAnswer;
import io.feedbackbot.core.conversation.ConversationKey;
import io.feedbackbot.core.conversation.ConversationState;
import io.feedbackbot.core.conversation.Handoff;
import io.feedbackbot.core.conversation.InvitationPolicy;
import io.feedbackbot.core.conversation.Language;
import io.feedbackbot.core.conversation.SurveyRun;
import io.feedbackbot.core.conversation.SurveyStatus;
import io.feedbackbot.core.outbound.Delivery;
import io.feedbackbot.core.store.ProcessedMessage;
import io.feedbackbot.core.store.StoredConversation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a stored conversation into compact JSON and back. Short field names keep an active conversation well
 * under 2 KB in Redis. The opt-out flag is not part of it: it lives in its own key that outlives the
 * conversation, and is merged in on load.
 */
public final class ConversationCodec {

    private final ObjectMapper json = new ObjectMapper();

    public String encode(StoredConversation stored) {
        ObjectNode root = json.createObjectNode();
        ConversationState state = stored.state();
        putLanguage(root, "l", state.language());
        if (state.survey() != null) {
            root.set("run", run(state.survey()));
        }
        if (state.lastClosed() != null) {
            ClosedSurvey closed = state.lastClosed();
            ObjectNode c = root.putObject("closed");
            c.put("s", closed.surveyId()).put("i", closed.invitationId()).put("st", closed.status().name()).put("at", closed.endedAt().toEpochMilli())
                    .put("ack", closed.acknowledged());
        }
        if (state.handoff() != null) {
            Handoff h = state.handoff();
            ObjectNode o = root.putObject("ho").put("r", h.reason()).put("t", h.ticketId())
                    .put("at", h.requestedAt().toEpochMilli());
            if (h.agent() != null) {
                o.put("ag", h.agent());
            }
            putInstant(o, "nt", h.noticeAt());
            putInstant(o, "rp", h.repliedAt());
        }
        putInstant(root, "in", state.lastInboundAt());
        putInstant(root, "inv", state.lastInvitedAt());
        putInstant(root, "ans", state.lastAnsweredAt());
        ArrayNode recent = root.putArray("rc");
        for (ProcessedMessage m : stored.recent()) {
            ArrayNode entry = recent.addArray().add(m.messageId());
            m.replies().forEach(entry::add);
        }
        if (!stored.deliveries().isEmpty()) {
            ArrayNode deliveries = root.putArray("dl");
            for (Delivery d : stored.deliveries()) {
                ObjectNode o = deliveries.addObject().put("id", d.deliveryId()).put("t", d.text())
                        .put("p", d.purpose().name());
                if (!d.attributes().isEmpty()) {
                    o.set("a", json.valueToTree(d.attributes()));
                }
            }
        }
        putInstant(root, "wake", stored.wakeAt());
        try {
            return json.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public StoredConversation decode(ConversationKey key, long version, String text, boolean optedOut) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored conversation " + key + " is not valid JSON", e);
        }
        SurveyRun run = root.has("run") ? run(root.get("run")) : null;
        ClosedSurvey closed = null;
        if (root.has("closed")) {
            JsonNode c = root.get("closed");
            closed = new ClosedSurvey(c.get("s").asText(), c.path("i").asText(""), SurveyStatus.valueOf(c.get("st").asText()),
                    Instant.ofEpochMilli(c.get("at").asLong()), c.path("ack").asBoolean());
        }
        Handoff handoff = null;
        if (root.has("ho")) {
            JsonNode h = root.get("ho");
            handoff = new Handoff(h.get("r").asText(), h.get("t").asText(), Instant.ofEpochMilli(h.get("at").asLong()),
                    h.has("ag") ? h.get("ag").asText() : null, instant(h, "nt"), instant(h, "rp"));
        }
        ConversationState state = new ConversationState(key, language(root, "l"), run, closed, handoff, optedOut,
                instant(root, "in"), instant(root, "inv"), instant(root, "ans"));
        List<ProcessedMessage> recent = new ArrayList<>();
        for (JsonNode entry : root.path("rc")) {
            List<String> replies = new ArrayList<>();
            for (int i = 1; i < entry.size(); i++) {
                replies.add(entry.get(i).asText());
            }
            recent.add(new ProcessedMessage(entry.get(0).asText(), replies));
        }
        List<Delivery> deliveries = new ArrayList<>();
        for (JsonNode d : root.path("dl")) {
            deliveries.add(new Delivery(d.get("id").asText(), key, d.get("t").asText(),
                    Delivery.Purpose.valueOf(d.get("p").asText()), strings(d.path("a"))));
        }
        return new StoredConversation(state, version, recent, deliveries, instant(root, "wake"));
    }

    private ObjectNode run(SurveyRun run) {
        ObjectNode o = json.createObjectNode();
        o.put("s", run.surveyId()).put("i", run.invitationId());
        if (run.campaignId() != null) {
            o.put("c", run.campaignId());
        }
        putLanguage(o, "l", run.language());
        if (!run.context().isEmpty()) {
            o.set("ctx", json.valueToTree(run.context()));
        }
        o.put("q", run.stepId()).put("qa", run.askedAt().toEpochMilli()).put("n", run.attempts());
        ArrayNode answers = o.putArray("a");
        for (CollectedAnswer a : run.answers()) {
            ArrayNode entry = answers.addArray().add(a.questionId());
            if (a.value() != null) {
                entry.add(a.value());
                if (a.score() != null) {
                    entry.add(a.score());
                }
            }
        }
        o.put("st", run.startedAt().toEpochMilli()).put("ex", run.expiresAt().toEpochMilli());
        InvitationPolicy policy = run.policy();
        if (!policy.equals(InvitationPolicy.NONE)) {
            ObjectNode p = o.putObject("pol").put("rm", policy.maxReminders());
            putDuration(p, "ex", policy.expiresAfter());
            putDuration(p, "ra", policy.reminderAfter());
            putDuration(p, "fw", policy.fatigueWindow());
        }
        if (run.remindersSent() > 0) {
            o.put("rs", run.remindersSent());
        }
        return o;
    }

    private SurveyRun run(JsonNode o) {
        List<CollectedAnswer> answers = new ArrayList<>();
        for (JsonNode entry : o.path("a")) {
            String value = entry.size() > 1 ? entry.get(1).asText() : null;
            Integer score = entry.size() > 2 ? entry.get(2).asInt() : null;
            answers.add(new CollectedAnswer(entry.get(0).asText(), value, score));
        }
        return new SurveyRun(o.get("s").asText(), o.get("i").asText(), o.has("c") ? o.get("c").asText() : null,
                language(o, "l"), strings(o.path("ctx")), o.get("q").asText(),
                Instant.ofEpochMilli(o.get("qa").asLong()), o.path("n").asInt(), answers,
                Instant.ofEpochMilli(o.get("st").asLong()), Instant.ofEpochMilli(o.get("ex").asLong()),
                policy(o.get("pol")), o.path("rs").asInt());
    }

    private static InvitationPolicy policy(JsonNode p) {
        if (p == null) {
            return InvitationPolicy.NONE;
        }
        return new InvitationPolicy(duration(p, "ex"), duration(p, "ra"), p.path("rm").asInt(), duration(p, "fw"));
    }

    private static void putDuration(ObjectNode node, String field, Duration value) {
        if (value != null) {
            node.put(field, value.toMillis());
        }
    }

    private static Duration duration(JsonNode node, String field) {
        return node.has(field) ? Duration.ofMillis(node.get(field).asLong()) : null;
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static void putLanguage(ObjectNode node, String field, Language language) {
        if (language != null) {
            node.put(field, language.tag());
        }
    }

    private static Language language(JsonNode node, String field) {
        return node.has(field) ? Language.fromTag(node.get(field).asText()).orElse(null) : null;
    }

    private static void putInstant(ObjectNode node, String field, Instant at) {
        if (at != null) {
            node.put(field, at.toEpochMilli());
        }
    }

    private static Instant instant(JsonNode node, String field) {
        return node.has(field) ? Instant.ofEpochMilli(node.get(field).asLong()) : null;
    }
}
