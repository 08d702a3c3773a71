package io.feedbackbot.redis.campaign;

import java.time.Instant;
import java.util.Objects;

/**
 * A campaign's status as Redis holds it: the status name, a version that grows with every change (so nodes can
 * tell a newer status from an older one), when it changed, and a note (who or what changed it).
 */
public record StoredStatus(String status, long version, Instant at, String note) {

    public StoredStatus {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
        note = note == null ? "" : note;
    }
}
