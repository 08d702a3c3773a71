package io.feedbackbot.server.handoff.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedbackbot.redis.RedisKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.GetExParams;
import redis.clients.jedis.params.SetParams;

/**
 * Console sessions in Redis, so any node serves any logged-in browser: the key is a hash of the random session
 * token (a copy of Redis does not hand out live sessions), the value names the user and the session's CSRF token,
 * and each use extends the TTL. Failed logins are counted per username to slow down guessing.
 */
public final class Sessions {

    /** Failed logins allowed per username within {@link #FAIL_WINDOW}. */
    static final int MAX_FAILS = 10;
    static final Duration FAIL_WINDOW = Duration.ofMinutes(15);

    private final UnifiedJedis redis;
    private final RedisKeys keys;
    private final Duration ttl;
    private final SecureRandom random = new SecureRandom();
    private final ObjectMapper json = new ObjectMapper();

    public Sessions(UnifiedJedis redis, RedisKeys keys, Duration ttl) {
        this.redis = redis;
        this.keys = keys;
        this.ttl = ttl;
    }

    public Duration ttl() {
        return ttl;
    }

    /** Starts a session; the returned token goes into the cookie. */
    public Session start(String username) {
        Session session = new Session(randomToken(), username, randomToken());
        try {
            redis.set(key(session.token()), json.writeValueAsString(Map.of("user", username, "csrf", session.csrf())),
                    SetParams.setParams().ex(ttl.toSeconds()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return session;
    }

    /** The live session of this token, extended by the TTL. */
    public Optional<Session> find(String token) {
        String value = redis.getEx(key(token), GetExParams.getExParams().ex(ttl.toSeconds()));
        if (value == null) {
            return Optional.empty();
        }
        try {
            JsonNode node = json.readTree(value);
            return Optional.of(new Session(token, node.path("user").asText(), node.path("csrf").asText()));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    public void end(String token) {
        redis.del(key(token));
    }

    /** Whether this username may try to log in now. */
    public boolean mayTry(String username) {
        String fails = redis.get(failKey(username));
        return fails == null || Integer.parseInt(fails) < MAX_FAILS;
    }

    public void failed(String username) {
        long n = redis.incr(failKey(username));
        if (n == 1) {
            redis.expire(failKey(username), FAIL_WINDOW.toSeconds());
        }
    }

    public void succeeded(String username) {
        redis.del(failKey(username));
    }

    private String key(String token) {
        return keys.global("session:" + sha256(token));
    }

    private String failKey(String username) {
        return keys.global("login-fails:" + sha256(username));
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A session: its cookie token, its user, its CSRF token. */
    public record Session(String token, String username, String csrf) {
        @Override
        public String toString() {
            return "Session[" + username + "]";
        }
    }
}
