package io.feedbackbot.server.handoff.auth;

import java.util.Locale;

/** What a console user or a bearer token may do. */
public enum Role {
    /** Works the tickets of their queues. */
    AGENT,
    /** Sees every queue, tickets near and past their deadlines; may resolve or transfer any ticket. */
    SUPERVISOR,
    /** Campaigns and reports; no tickets. */
    MARKETER,
    /** Everything, including the admin API. */
    ADMIN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
