package io.feedbackbot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandoffSettingsTest {

    private static final String HASH = "$2b$10$" + "a".repeat(53);

    @TempDir
    Path dir;

    private FeedbackbotSettings load(String yaml) throws IOException {
        Path file = dir.resolve("feedbackbot.yaml");
        Files.writeString(file, yaml);
        return new SettingsLoader(Map.of()).load(file);
    }

    private String error(String yaml) {
        return assertThrows(ConfigException.class, () -> load(yaml)).getMessage();
    }

    @Test
    void theBuiltInConfigurationShipsADemoStoreADemoAgentAndDeadlinesPerPriority() {
        FeedbackbotSettings settings = new SettingsLoader(Map.of()).load(null);

        OrgSettings.Store store = settings.org().store("SH-001").orElseThrow();
        assertEquals("store-sh-001", store.queue());
        assertEquals("east", settings.org().areaOf("SH-001").orElseThrow().id());
        assertEquals("default", settings.handoff().defaultQueue());
        assertEquals(Duration.ofMinutes(10), settings.handoff().noticeAfter());
        assertEquals(new HandoffSettings.Deadline(Duration.ofMinutes(30), Duration.ofHours(4)),
                settings.handoff().deadline("high"));
        ConsoleSettings.User agent = settings.console().users().get(0);
        assertEquals("demo-agent", agent.username());
        assertTrue(agent.demo());
        assertEquals(List.of("store-sh-001", "default"), agent.queues());
        assertNull(settings.handoff().smsFallbackAccount());
        assertTrue(settings.org().headOffice().target().isEmpty());
    }

    @Test
    void anOrgWithNotifyTargetsAndUsersWithHashesIsRead() throws IOException {
        FeedbackbotSettings s = load("""
                handoff:
                  deadlines: {urgent: {claim: 5m, resolve: 1h}}
                org:
                  headOffice: {id: HQ, notify: {wecom: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k"}}
                  areas:
                    - id: north
                      notify: {webhook: "http://127.0.0.1:9/hook", secret: s3cret}
                      stores: [{id: BJ-1, agents: [ann]}]
                console:
                  users:
                    - {username: ann, passwordHash: "%s", roles: [agent], queues: [store-bj-1]}
                api:
                  tokens: [{name: crm, token: abcdefghijklmnopqrstu, roles: [supervisor]}]
                """.formatted(HASH));

        assertEquals("store-bj-1", s.org().store("BJ-1").orElseThrow().queue());
        assertEquals("s3cret", s.org().area("north").orElseThrow().target().webhookSecret());
        assertEquals(Duration.ofMinutes(5), s.handoff().deadline("urgent").claim());
        assertEquals(Duration.ofHours(2), s.handoff().deadline("normal").claim());
        assertEquals(List.of("supervisor"), s.apiTokens().get(0).roles());
        assertTrue(!s.apiTokens().get(0).toString().contains("abcdefghij"), "tokens are never printed");
    }

    @Test
    void aPlainPasswordWhereAHashBelongsIsRefused() {
        assertTrue(error("console:\n  users:\n    - {username: ann, passwordHash: hunter2, roles: [agent]}\n")
                .matches(".*feedbackbot.yaml: key 'console.users\\[0].passwordHash' must be a bcrypt.*"));
    }

    @Test
    void anUnknownRoleOrQueueIsNamed() {
        assertTrue(error("console:\n  users:\n    - {username: ann, demo: true, roles: [boss]}\n")
                .contains("key 'console.users[0].roles' 'boss' is not a role"));
        assertTrue(error("console:\n  users:\n    - {username: ann, demo: true, roles: [agent], queues: [nope]}\n")
                .contains("key 'console.users[0].queues' 'nope' is not a queue"));
    }

    @Test
    void aStoreAgentMustBeAConsoleUser() {
        assertTrue(error("org:\n  areas:\n    - id: a\n      stores: [{id: S1, agents: [ghost]}]\n")
                .contains("store 'S1' names agent 'ghost'"));
    }

    @Test
    void theSmsFallbackMustNameAnSmsAccount() {
        assertTrue(error("handoff:\n  smsFallbackAccount: nope\n")
                .contains("key 'handoff.smsFallbackAccount' names no SMS account"));
    }

    @Test
    void aResolveWindowShorterThanTheClaimWindowIsRefused() {
        assertTrue(error("handoff:\n  deadlines:\n    low: {claim: 2h, resolve: 1h}\n")
                .contains("key 'handoff.deadlines.low.resolve' must not be shorter than claim"));
    }

    @Test
    void twoUnitsCannotShareAnId() {
        assertTrue(error("org:\n  areas:\n    - {id: a, stores: [{id: a}]}\n").contains("'a' is used twice"));
    }

    @Test
    void aShortBearerTokenIsRefused() {
        assertTrue(error("api:\n  tokens: [{name: x, token: short, roles: [admin]}]\n")
                .contains("key 'api.tokens[0].token' must be at least 16 characters"));
    }
}
