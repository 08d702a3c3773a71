package io.feedbackbot.config;

import io.feedbackbot.config.ConsoleSettings.ApiToken;
import io.feedbackbot.config.ConsoleSettings.User;
import io.feedbackbot.config.HandoffSettings.Deadline;
import io.feedbackbot.config.OrgSettings.Area;
import io.feedbackbot.config.OrgSettings.NotifyTarget;
import io.feedbackbot.config.OrgSettings.Store;
import io.feedbackbot.config.OrgSettings.Unit;
import io.feedbackbot.config.yaml.YamlSection;
import io.feedbackbot.core.conversation.Language;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code handoff}, {@code org}, {@code console} and {@code api.tokens}, checking every key and the references
 * between them (a user's queue must exist, a store's agents must be users).
 */
final class HandoffReader {

    static final String QUEUE = "[a-z0-9][a-z0-9_-]{0,63}";
    static final String UNIT_ID = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}";
    static final String USERNAME = "[a-z0-9][a-z0-9_.-]{0,63}";

    private HandoffReader() {
    }

    static HandoffSettings handoff(YamlSection s, ChannelsSettings channels) {
        String defaultQueue = s.string("defaultQueue", "default");
        if (!defaultQueue.matches(QUEUE)) {
            throw s.fail("defaultQueue", "must be a lower-case identifier (a-z, 0-9, '-', '_'), not '" + defaultQueue + "'");
        }
        Duration noticeAfter = positive(s, "noticeAfter", Duration.ofMinutes(10));
        Map<String, String> noAgent = new LinkedHashMap<>();
        if (s.has("noAgentMessage")) {
            YamlSection message = s.section("noAgentMessage");
            for (Language language : Language.values()) {
                noAgent.put(language.tag(), message.requiredString(language.tag()));
            }
            message.finish();
        } else {
            s.section("noAgentMessage");
        }
        List<String> leave = s.strings("leaveKeywords", List.of());
        if (leave.stream().anyMatch(String::isBlank)) {
            throw s.fail("leaveKeywords", "must not hold an empty keyword");
        }
        Map<String, Deadline> deadlines = new LinkedHashMap<>(HandoffSettings.defaultDeadlines());
        YamlSection d = s.section("deadlines");
        for (String priority : HandoffSettings.PRIORITIES) {
            YamlSection p = d.section(priority);
            Deadline fallback = deadlines.get(priority);
            Duration claim = positive(p, "claim", fallback.claim());
            Duration resolve = positive(p, "resolve", fallback.resolve());
            if (resolve.compareTo(claim) < 0) {
                throw p.fail("resolve", "must not be shorter than claim (" + claim + ")");
            }
            p.finish();
            deadlines.put(priority, new Deadline(claim, resolve));
        }
        d.finish();
        String sms = s.string("smsFallbackAccount", "");
        if (!sms.isBlank() && channels.smsAccount(sms).isEmpty()) {
            throw s.fail("smsFallbackAccount", "names no SMS account under channels.sms: '" + sms + "'");
        }
        HandoffSettings settings = new HandoffSettings(defaultQueue, noticeAfter, noAgent, leave, deadlines,
                sms.isBlank() ? null : sms, positive(s, "nearDeadline", Duration.ofMinutes(15)),
                positive(s, "checkEvery", Duration.ofSeconds(2)), positive(s, "ticketRetention", Duration.ofDays(400)));
        s.finish();
        return settings;
    }

    static OrgSettings org(YamlSection s) {
        YamlSection head = s.section("headOffice");
        Unit headOffice = new Unit(head.string("id", "HQ"), head.string("name", "Head office"),
                head.strings("supervisors", List.of()), notify(head.section("notify")));
        head.finish();
        Set<String> ids = new HashSet<>(Set.of(headOffice.id()));
        List<Area> areas = new ArrayList<>();
        for (YamlSection a : s.sections("areas")) {
            String id = unitId(a, ids);
            List<Store> stores = new ArrayList<>();
            for (YamlSection st : a.sections("stores")) {
                String storeId = unitId(st, ids);
                String queue = st.string("queue", "store-" + storeId.toLowerCase(Locale.ROOT));
                if (!queue.matches(QUEUE)) {
                    throw st.fail("queue", "must be a lower-case identifier (a-z, 0-9, '-', '_'), not '" + queue + "'");
                }
                stores.add(new Store(storeId, st.string("name", storeId), queue, st.strings("agents", List.of()),
                        st.strings("supervisors", List.of()), notify(st.section("notify"))));
                st.finish();
            }
            areas.add(new Area(id, a.string("name", id), a.strings("supervisors", List.of()),
                    notify(a.section("notify")), stores));
            a.finish();
        }
        s.finish();
        return new OrgSettings(headOffice, areas);
    }

    static ConsoleSettings console(YamlSection s, Set<String> queues) {
        List<User> users = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlSection u : s.sections("users")) {
            String username = u.requiredString("username");
            if (!username.matches(USERNAME)) {
                throw u.fail("username", "must be lower-case letters, digits, '.', '-' or '_', not '" + username + "'");
            }
            if (!names.add(username)) {
                throw u.fail("username", "'" + username + "' is used by two users");
            }
            boolean demo = u.bool("demo", false);
            String hash = u.string("passwordHash", "");
            if (demo == !hash.isBlank()) {
                throw u.fail("passwordHash", "give a bcrypt or argon2 hash, or demo: true (not both)");
            }
            if (!demo && !hash.matches("\\$(2a|2b|2y)\\$\\d\\d\\$.{53}|\\$argon2(id|i|d)\\$.+")) {
                throw u.fail("passwordHash", "must be a bcrypt ($2b$…) or argon2 ($argon2id$…) hash, never a password");
            }
            users.add(new User(username, u.string("name", username), demo ? null : hash, roles(u),
                    queueList(u, queues)));
            u.finish();
        }
        ConsoleSettings console = new ConsoleSettings(users, positive(s, "sessionTtl", Duration.ofHours(12)));
        s.finish();
        return console;
    }

    static List<ApiToken> tokens(YamlSection api, Set<String> queues) {
        List<ApiToken> tokens = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> values = new HashSet<>();
        for (YamlSection t : api.sections("tokens")) {
            String name = t.requiredString("name");
            if (!names.add(name)) {
                throw t.fail("name", "'" + name + "' is used by two tokens");
            }
            String token = t.requiredString("token");
            if (token.length() < 16) {
                throw t.fail("token", "must be at least 16 characters long");
            }
            if (!values.add(token)) {
                throw t.fail("token", "is the same as another token's");
            }
            tokens.add(new ApiToken(name, token, roles(t), queueList(t, queues)));
            t.finish();
        }
        return tokens;
    }

    /** Checks that every agent named by a store is a console user. */
    static void checkStoreAgents(YamlSection orgSection, OrgSettings org, ConsoleSettings console) {
        Set<String> users = new HashSet<>();
        console.users().forEach(u -> users.add(u.username()));
        for (Store store : org.stores()) {
            for (String agent : store.agents()) {
                if (!users.contains(agent)) {
                    throw orgSection.fail("areas", "store '" + store.id() + "' names agent '" + agent
                            + "', who is not among console.users");
                }
            }
        }
    }

    private static List<String> roles(YamlSection s) {
        List<String> roles = s.strings("roles", List.of());
        if (roles.isEmpty()) {
            throw s.fail("roles", "is missing (agent, supervisor, marketer or admin)");
        }
        for (String role : roles) {
            if (!ConsoleSettings.ROLES.contains(role)) {
                throw s.fail("roles", "'" + role + "' is not a role (agent, supervisor, marketer, admin)");
            }
        }
        return roles;
    }

    private static List<String> queueList(YamlSection s, Set<String> queues) {
        List<String> list = s.strings("queues", List.of());
        for (String queue : list) {
            if (!queues.contains(queue)) {
                throw s.fail("queues", "'" + queue + "' is not a queue (known: " + String.join(", ", queues.stream()
                        .sorted().toList()) + ")");
            }
        }
        return list;
    }

    private static String unitId(YamlSection s, Set<String> ids) {
        String id = s.requiredString("id");
        if (!id.matches(UNIT_ID)) {
            throw s.fail("id", "must be letters, digits, '.', '-' or '_', not '" + id + "'");
        }
        if (!ids.add(id)) {
            throw s.fail("id", "'" + id + "' is used twice in the organisation");
        }
        return id;
    }

    private static NotifyTarget notify(YamlSection s) {
        NotifyTarget target = new NotifyTarget(url(s, "webhook"), blank(s.string("secret", "")), url(s, "wecom"));
        s.finish();
        return target;
    }

    private static String url(YamlSection s, String key) {
        String value = s.string(key, "");
        if (value.isBlank()) {
            return null;
        }
        if (!value.matches("https?://.+")) {
            throw s.fail(key, "must be an http:// or https:// URL");
        }
        return value;
    }

    private static Duration positive(YamlSection s, String key, Duration fallback) {
        Duration value = s.duration(key, fallback);
        if (value.isNegative() || value.isZero()) {
            throw s.fail(key, "must be longer than zero");
        }
        return value;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
