package io.feedbackbot.server.handoff.escalation;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackbot.config.OrgSettings;
import io.feedbackbot.core.ticket.Ticket;
import io.feedbackbot.core.ticket.TicketEvent;
import io.feedbackbot.core.ticket.TicketStore;
import io.feedbackbot.server.http.Responses;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends escalation notices to the level's targets (generic webhook, WeCom robot), at least once: a failed target is
 * retried with exponential backoff (1 s, 2 s, 4 s… up to 5 min, {@link #MAX_ATTEMPTS} attempts), a delivered one
 * is never sent again. Notices name their event ({@code <ticket>/<level>}) so receivers can deduplicate.
 */
public final class EscalationNotices {

    private static final Logger log = LoggerFactory.getLogger(EscalationNotices.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    static final int MAX_ATTEMPTS = 16;
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private final NoticeQueue queue;
    private final TicketStore store;
    private final OrgLadder ladder;
    private final OkHttpClient http;
    private final String consoleUrl;
    private final Clock clock;

    EscalationNotices(NoticeQueue queue, TicketStore store, OrgLadder ladder, OkHttpClient http, String publicUrl,
                      Clock clock) {
        this.queue = queue;
        this.store = store;
        this.ladder = ladder;
        this.http = http.newBuilder().callTimeout(Duration.ofSeconds(10)).build();
        this.consoleUrl = publicUrl + "/console/#ticket/";
        this.clock = clock;
    }

    static String noticeId(String ticketId, int level) {
        return ticketId + "/" + level;
    }

    /** Schedules the notice for {@code ticketId} reaching {@code level} (idempotent). */
    void schedule(String ticketId, int level) {
        queue.schedule(noticeId(ticketId, level), clock.instant());
    }

    /** Whether some notice is waiting to be sent now. */
    boolean anyDue() {
        return !queue.due(clock.instant(), 1).isEmpty();
    }

    /** Sends what is due now; returns how many notices were completed. */
    int sendDue() {
        int completed = 0;
        for (String id : queue.due(clock.instant(), 50)) {
            if (!queue.claim(id)) {
                continue;
            }
            try {
                if (send(id)) {
                    completed++;
                }
            } finally {
                queue.release(id);
            }
        }
        return completed;
    }

    private boolean send(String id) {
        int slash = id.lastIndexOf('/');
        String ticketId = id.substring(0, slash);
        int level = Integer.parseInt(id.substring(slash + 1));
        Optional<Ticket> ticket = store.find(ticketId);
        Optional<TicketEvent> escalated = ticket.flatMap(t -> escalation(t, level));
        Optional<OrgLadder.Unit> unit = ticket.flatMap(t -> ladder.at(t, level));
        if (escalated.isEmpty() || unit.isEmpty()) {
            queue.finished(id);
            return false;
        }
        NoticeFormats.Notice notice = new NoticeFormats.Notice(id, ticket.get(), level, unit.get(),
                escalated.get().details().get("kind"), Instant.parse(escalated.get().details().get("due")),
                escalated.get().at(), consoleUrl + ticketId);
        OrgSettings.NotifyTarget target = unit.get().target();
        // both targets are tried every time (&, not &&): one failing must not hold back the other
        boolean ok = deliver(id, "webhook", target.webhookUrl(), () -> webhook(target, notice))
                & deliver(id, "wecom", target.wecomUrl(), () -> wecom(target, notice));
        if (ok) {
            queue.finished(id);
            return true;
        }
        long attempts = queue.failedAttempt(id);
        if (attempts >= MAX_ATTEMPTS) {
            log.error("giving up on escalation notice {} after {} attempts", id, attempts);
            queue.finished(id);
        } else {
            queue.retryAt(id, clock.instant().plus(backoff(attempts)));
        }
        return false;
    }

    /** 1 s after the first failure, doubling up to {@link #MAX_BACKOFF}. */
    static Duration backoff(long attempts) {
        Duration backoff = Duration.ofSeconds(1);
        for (long i = 1; i < attempts && backoff.compareTo(MAX_BACKOFF) < 0; i++) {
            backoff = backoff.multipliedBy(2);
        }
        return backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
    }

    /** The escalation event that raised the ticket to {@code level}, if that escalation happened. */
    private Optional<TicketEvent> escalation(Ticket ticket, int level) {
        if (ticket.level() < level) {
            return Optional.empty();
        }
        List<TicketEvent> events = store.events(ticket.id(), 1_000);
        for (int i = events.size() - 1; i >= 0; i--) {
            TicketEvent e = events.get(i);
            if (e.type().equals("escalated") && Integer.toString(level).equals(e.details().get("level"))) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private boolean deliver(String id, String kind, String url, Attempt attempt) {
        if (url == null || queue.delivered(id, kind)) {
            return true;
        }
        try {
            if (attempt.run()) {
                queue.markDelivered(id, kind);
                log.info("escalation notice {} delivered to the {} target", id, kind);
                return true;
            }
        } catch (IOException | RuntimeException e) {
            log.warn("escalation notice {} to the {} target failed: {}", id, kind, e.toString());
        }
        return false;
    }

    private boolean webhook(OrgSettings.NotifyTarget target, NoticeFormats.Notice notice) throws IOException {
        byte[] body = NoticeFormats.webhook(notice);
        Request.Builder request = new Request.Builder().url(target.webhookUrl()).post(RequestBody.create(body, JSON))
                .header(NoticeFormats.EVENT_HEADER, notice.eventId());
        if (target.webhookSecret() != null) {
            request.header(NoticeFormats.SIGNATURE_HEADER, NoticeFormats.signature(target.webhookSecret(), body));
        }
        try (Response response = http.newCall(request.build()).execute()) {
            if (!response.isSuccessful()) {
                log.warn("escalation notice {}: webhook answered {}", notice.eventId(), response.code());
            }
            return response.isSuccessful();
        }
    }

    private boolean wecom(OrgSettings.NotifyTarget target, NoticeFormats.Notice notice) throws IOException {
        Request request = new Request.Builder().url(target.wecomUrl())
                .post(RequestBody.create(NoticeFormats.wecom(notice), JSON)).build();
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            JsonNode answer = body == null ? null : Responses.JSON.readTree(body.string());
            boolean ok = response.isSuccessful() && answer != null && answer.path("errcode").asInt(-1) == 0;
            if (!ok) {
                log.warn("escalation notice {}: WeCom answered {} errcode {}", notice.eventId(), response.code(),
                        answer == null ? "-" : answer.path("errcode").asText());
            }
            return ok;
        }
    }

    @FunctionalInterface
    private interface Attempt {
        boolean run() throws IOException;
    }
}
