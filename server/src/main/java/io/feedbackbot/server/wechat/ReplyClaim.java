package io.feedbackbot.server.wechat;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Who answers one WeChat message, decided once for all its deliveries (WeChat's retries and twins arriving on
 * other nodes): the first request that has the replies in time answers {@link Route#PASSIVE passively}; the first
 * that runs out of time switches the message to the {@link Route#ASYNC customer-service API}. Every other request
 * answers {@code success}, with one exception: WeChat retries only after it gave up on a request (5 s), so a
 * duplicate that arrives {@link #RETRY_GAP} or more after a passive claimant is a retry whose predecessor's answer
 * WeChat never took; it answers passively again, which WeChat shows once since it only reads the latest request.
 *
 * @param receivedAt when the claiming request reached this service (by the server clock)
 */
record ReplyClaim(Route route, Instant receivedAt) {

    /** Below WeChat's 5 s retry interval by one second of clock skew between nodes. */
    static final Duration RETRY_GAP = Duration.ofSeconds(4);

    /** How the replies to a message reach the follower. */
    enum Route {
        PASSIVE, ASYNC
    }

    ReplyClaim {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /**
     * Whether a request that found this claim held by another request, and has the replies in time, answers
     * with them passively.
     */
    boolean passiveAgainFor(Instant requestReceivedAt) {
        return route == Route.PASSIVE
                && Duration.between(receivedAt, requestReceivedAt).compareTo(RETRY_GAP) >= 0;
    }

    String encode() {
        return route.name() + "|" + receivedAt.toEpochMilli();
    }

    static ReplyClaim decode(String stored) {
        int bar = stored.indexOf('|');
        return new ReplyClaim(Route.valueOf(stored.substring(0, bar)),
                Instant.ofEpochMilli(Long.parseLong(stored.substring(bar + 1))));
    }
}
