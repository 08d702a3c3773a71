package io.feedbackbot.wechat.token;

import io.feedbackbot.wechat.api.StableToken;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An access_token as shared between nodes, with two instants: from {@code refreshAt} on, one caller refreshes it
 * while the others keep using it; from {@code usableUntil} on, nobody uses it. {@link #toString()} hides it.
 */
public record CachedAccessToken(String value, Instant refreshAt, Instant usableUntil) {

    /** Refresh this long before expiry: inside stable_token's 5-minute renewal window, with a minute of slack. */
    static final long REFRESH_AHEAD_SECONDS = 240;
    /** Stop using a token this long before it expires, so requests in flight still carry a valid one. */
    static final long EXPIRY_MARGIN_SECONDS = 30;

    public CachedAccessToken {
        Objects.requireNonNull(value, "value");
        if (refreshAt.isAfter(usableUntil)) {
            throw new IllegalArgumentException("refreshAt must not be after usableUntil");
        }
    }

    /**
     * The schedule for a token fetched by a request sent at {@code requestedAt} (sent, not answered: the
     * conservative end). stable_token in normal mode hands out a new token only in the last 5 minutes of the old
     * one's life (both valid meanwhile); asked earlier, it returns the same token with its remaining lifetime,
     * which then schedules one more ask. Short lifetimes refresh at half-life.
     */
    public static CachedAccessToken of(StableToken token, Instant requestedAt) {
        long lifetime = token.expiresInSeconds();
        long refreshAfter = Math.max(lifetime - REFRESH_AHEAD_SECONDS, lifetime / 2);
        long usableFor = lifetime - Math.min(EXPIRY_MARGIN_SECONDS, lifetime / 4);
        return new CachedAccessToken(token.accessToken(), requestedAt.plus(Duration.ofSeconds(refreshAfter)),
                requestedAt.plus(Duration.ofSeconds(usableFor)));
    }

    /** Whether it is time to fetch a new one. */
    public boolean isDue(Instant now) {
        return !now.isBefore(refreshAt);
    }

    /** Whether requests may still carry it. */
    public boolean isUsable(Instant now) {
        return now.isBefore(usableUntil);
    }

    @Override
    public String toString() {
        return "CachedAccessToken[***, refreshAt=" + refreshAt + ", usableUntil=" + usableUntil + "]";
    }
}
