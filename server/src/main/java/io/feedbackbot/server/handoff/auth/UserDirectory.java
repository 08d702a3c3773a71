package io.feedbackbot.server.handoff.auth;

import io.feedbackbot.config.ConsoleSettings;
import io.feedbackbot.config.OrgSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may use the console and the ticket API: the configured users (with their password hashes; demo users share
 * the demo password), the configured bearer tokens, and the admin token (role admin). An agent works the queues
 * listed for them plus the queues of the stores that name them as agents. Tokens are compared in constant time.
 */
public final class UserDirectory {

    private final Map<String, ConsoleSettings.User> users = new LinkedHashMap<>();
    private final Map<String, String> hashes = new HashMap<>();
    private final Map<String, Set<String>> queuesOf = new HashMap<>();
    private final List<Token> tokens = new ArrayList<>();
    private final Set<String> allQueues = new TreeSet<>();
    /** Checked when the username is unknown, so a wrong name costs as much time as a wrong password. */
    private final String dummy = PasswordHashes.bcrypt("no such user".toCharArray());

    /**
     * @param demoHash the bcrypt hash of the demo password, or null when no user is a demo user
     */
    public UserDirectory(ConsoleSettings console, OrgSettings org, String defaultQueue,
                         Collection<ConsoleSettings.ApiToken> apiTokens, String adminToken, String demoHash) {
        allQueues.add(defaultQueue);
        org.stores().forEach(s -> allQueues.add(s.queue()));
        for (ConsoleSettings.User user : console.users()) {
            users.put(user.username(), user);
            hashes.put(user.username(), user.demo() ? demoHash : user.passwordHash());
            Set<String> queues = new LinkedHashSet<>(user.queues());
            for (OrgSettings.Store store : org.stores()) {
                if (store.agents().contains(user.username())) {
                    queues.add(store.queue());
                }
            }
            queuesOf.put(user.username(), Set.copyOf(queues));
        }
        for (ConsoleSettings.ApiToken t : apiTokens) {
            tokens.add(new Token(digest(t.token()), new Principal(t.name(), t.name(), roles(t.roles()),
                    Set.copyOf(t.queues()), null)));
        }
        if (adminToken != null) {
            tokens.add(new Token(digest(adminToken), new Principal("admin", "Admin token", EnumSet.of(Role.ADMIN),
                    Set.of(), null)));
        }
    }

    /** The user if the password is theirs. Slow (a password hash): never on the event loop. */
    public Optional<ConsoleSettings.User> check(String username, char[] password) {
        String hash = hashes.get(username);
        if (hash == null) {
            PasswordHashes.matches(dummy, password);
            return Optional.empty();
        }
        return PasswordHashes.matches(hash, password) ? Optional.of(users.get(username)) : Optional.empty();
    }

    /** The principal of a logged-in user, or empty when the user no longer exists. */
    public Optional<Principal> user(String username, String csrf) {
        ConsoleSettings.User user = users.get(username);
        if (user == null) {
            return Optional.empty();
        }
        return Optional.of(new Principal(user.username(), user.name(), roles(user.roles()),
                queuesOf.get(username), csrf));
    }

    /** The principal of a bearer token. */
    public Optional<Principal> bearer(String token) {
        byte[] presented = digest(token);
        Principal found = null;
        for (Token t : tokens) {
            if (MessageDigest.isEqual(t.digest(), presented)) {
                found = t.principal();
            }
        }
        return Optional.ofNullable(found);
    }

    /** Every queue tickets can be in. */
    public Set<String> queues() {
        return allQueues;
    }

    public boolean queueExists(String queue) {
        return allQueues.contains(queue);
    }

    /** Users who can take tickets (agents and supervisors), for transfers. */
    public List<Principal> agents() {
        List<Principal> out = new ArrayList<>();
        for (String name : users.keySet()) {
            user(name, null).filter(Principal::handlesTickets).ifPresent(out::add);
        }
        return out;
    }

    private static Set<Role> roles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        names.forEach(n -> roles.add(Role.parse(n)));
        return roles;
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Token(byte[] digest, Principal principal) {
    }
}
