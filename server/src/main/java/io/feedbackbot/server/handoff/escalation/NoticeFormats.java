package io.feedbackbot.server.handoff.escalation;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.feedbackbot.core.ticket.Ticket;
import io.feedbackbot.server.http.Responses;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The two shapes of an escalation notice. The generic webhook gets JSON with an event id to deduplicate on (it may
 * come more than once) and, when the target has a secret, an HMAC-SHA256 of the body in
 * {@code X-Feedbackbot-Signature: sha256=<hex>}. A WeCom group robot gets its markdown message. Neither carries
 * customer text or identifiers: only the ticket's id, routing and deadline.
 */
public final class NoticeFormats {

    public static final String SIGNATURE_HEADER = "X-Feedbackbot-Signature";
    public static final String EVENT_HEADER = "X-Feedbackbot-Event-Id";

    private NoticeFormats() {
    }

    /** What one notice says. */
    public record Notice(String eventId, Ticket ticket, int level, OrgLadder.Unit unit, String kind, Instant missedDue,
                         Instant at, String consoleUrl) {
    }

    public static byte[] webhook(Notice n) {
        Map<String, Object> ticket = new LinkedHashMap<>();
        ticket.put("id", n.ticket().id());
        ticket.put("queue", n.ticket().queue());
        ticket.put("store", n.ticket().origin().store());
        ticket.put("area", n.ticket().origin().area());
        ticket.put("priority", n.ticket().origin().priority());
        ticket.put("reason", n.ticket().origin().reason());
        ticket.put("status", n.ticket().status().id());
        ticket.put("assignee", n.ticket().assignee());
        ticket.put("createdAt", n.ticket().times().createdAt().toString());
        ticket.put("claimDueAt", n.ticket().times().claimDueAt().toString());
        ticket.put("resolveDueAt", n.ticket().times().resolveDueAt().toString());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", n.eventId());
        body.put("type", "ticket.escalated");
        body.put("at", n.at().toString());
        body.put("level", n.level());
        body.put("levelName", Ticket.levelName(n.level()));
        body.put("unit", Map.of("id", n.unit().id(), "name", n.unit().name()));
        body.put("missed", n.kind());
        body.put("missedDueAt", n.missedDue().toString());
        body.put("ticket", ticket);
        body.put("url", n.consoleUrl());
        return json(body);
    }

    public static byte[] wecom(Notice n) {
        Ticket t = n.ticket();
        String missed = n.kind().equals("claim") ? "无人接单 not claimed" : "未按时解决 not resolved";
        String content = "**工单升级 Ticket escalated** <font color=\"warning\">" + n.unit().name() + "</font>\n"
                + "> 级别 Level: " + Ticket.levelName(n.level()) + "\n"
                + "> 超时 Missed: " + missed + " (" + n.missedDue() + ")\n"
                + "> 门店 Store: " + (t.origin().store() == null ? "-" : t.origin().store())
                + "　队列 Queue: " + t.queue() + "\n"
                + "> 优先级 Priority: " + t.origin().priority() + "　原因 Reason: " + t.origin().reason() + "\n"
                + "[打开工单 Open ticket](" + n.consoleUrl() + ")";
        return json(Map.of("msgtype", "markdown", "markdown", Map.of("content", content)));
    }

    /** {@code sha256=<hex of HMAC-SHA256(secret, body)>}. */
    public static String signature(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] json(Object value) {
        try {
            return Responses.JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
