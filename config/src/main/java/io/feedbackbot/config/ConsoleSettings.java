package io.feedbackbot.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The agent console's users and sessions ({@code console:} in feedbackbot.yaml).
 *
 * @param users      who may log in
 * @param sessionTtl a session ends this long after its last use
 */
public record ConsoleSettings(List<User> users, Duration sessionTtl) {

    /** The roles a user or token can have. */
    public static final List<String> ROLES = List.of("agent", "supervisor", "marketer", "admin");

    public ConsoleSettings {
        users = List.copyOf(users);
        Objects.requireNonNull(sessionTtl, "sessionTtl");
    }

    /**
     * One console user.
     *
     * @param passwordHash a bcrypt ({@code $2a$}, {@code $2b$}, {@code $2y$}) or argon2 ({@code $argon2id$…}) hash,
     *                     or null for a demo user, whose password comes from {@code FEEDBACKBOT_DEMO_PASSWORD} or is
     *                     generated on first start
     * @param queues       the queues an agent works (supervisors and admins see every queue)
     */
    public record User(String username, String name, String passwordHash, List<String> roles, List<String> queues) {
        public User {
            Objects.requireNonNull(username, "username");
            roles = List.copyOf(roles);
            queues = List.copyOf(queues);
        }

        public boolean demo() {
            return passwordHash == null;
        }

        @Override
        public String toString() {
            return "User[" + username + ", roles=" + roles + ", queues=" + queues + "]";
        }
    }

    /**
     * A bearer token for scripts ({@code api.tokens[]}).
     *
     * @param token  the secret itself (from the environment); never logged
     * @param queues the queues an agent token works; empty with role supervisor or admin
     */
    public record ApiToken(String name, String token, List<String> roles, List<String> queues) {
        public ApiToken {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(token, "token");
            roles = List.copyOf(roles);
            queues = List.copyOf(queues);
        }

        @Override
        public String toString() {
            return "ApiToken[" + name + ", roles=" + roles + "]";
        }
    }
}
