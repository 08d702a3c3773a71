package io.feedbackbot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feedbackbot.core.conversation.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {

    @TempDir
    Path dir;

    private Path file(String yaml) throws IOException {
        Path file = dir.resolve("feedbackbot.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void theBuiltInConfigurationRunsTheDemoWebChatOnPort8080() {
        FeedbackbotSettings settings = new SettingsLoader(Map.of()).load(null);

        assertEquals(8080, settings.http().port());
        assertEquals("127.0.0.1", settings.http().host());
        assertEquals(65536, settings.http().maxBodyBytes());
        assertTrue(settings.redis().embedded());
        assertEquals(Path.of("./data"), settings.dataDir());
        assertEquals("post-delivery-nps", settings.channels().webchatAccount("demo").orElseThrow().defaultSurvey());
        assertEquals(Language.ZH_CN, settings.channels().webchatAccount("demo").orElseThrow().defaultLanguage());
        assertEquals(32, settings.engine().lanes());
        assertNull(settings.adminToken());
    }

    @Test
    void theEnvironmentOverridesTheFile() throws IOException {
        Path file = file("http:\n  port: 9000\nredis:\n  url: redis://file:6379\n");

        FeedbackbotSettings settings = new SettingsLoader(Map.of("FEEDBACKBOT_HTTP_PORT", "9100",
                "FEEDBACKBOT_DATA_DIR", "/tmp/fb", "FEEDBACKBOT_REDIS_URL", "redis://env:6379",
                "FEEDBACKBOT_ADMIN_TOKEN", "secret")).load(file);

        assertEquals(9100, settings.http().port());
        assertEquals(Path.of("/tmp/fb"), settings.dataDir());
        assertEquals("redis://env:6379", settings.redis().url());
        assertEquals("secret", settings.adminToken());
    }

    @Test
    void valuesNameEnvironmentVariablesWithFallbacks() throws IOException {
        Path file = file("redis:\n  url: ${REDIS_URL}\n  keyPrefix: ${PREFIX:-app:}\n");

        FeedbackbotSettings settings = new SettingsLoader(Map.of("REDIS_URL", "redis://h:1")).load(file);

        assertEquals("redis://h:1", settings.redis().url());
        assertEquals("app:", settings.redis().keyPrefix());
    }

    @Test
    void aMissingEnvironmentVariableIsAnErrorNamingTheKeyAndTheVariable() throws IOException {
        Path file = file("api:\n  adminToken: ${TOKEN}\n");

        ConfigException e = assertThrows(ConfigException.class, () -> new SettingsLoader(Map.of()).load(file));

        assertEquals(file + ": key 'api.adminToken' environment variable TOKEN is not set", e.getMessage());
    }

    @Test
    void aMisspeltKeyIsAnErrorNamingIt() throws IOException {
        Path file = file("http:\n  prot: 8080\n");

        ConfigException e = assertThrows(ConfigException.class, () -> new SettingsLoader(Map.of()).load(file));

        assertEquals(file + ": key 'http.prot' is not a known key here", e.getMessage());
    }

    @Test
    void anOutOfRangeNumberIsAnErrorWithTheRange() throws IOException {
        Path file = file("http:\n  port: 70000\n");

        ConfigException e = assertThrows(ConfigException.class, () -> new SettingsLoader(Map.of()).load(file));

        assertTrue(e.getMessage().contains("key 'http.port' must be between 0 and 65535, not 70000"), e.getMessage());
    }

    @Test
    void aWrongRedisUrlIsRefused() throws IOException {
        Path file = file("redis:\n  url: localhost:6379\n");

        ConfigException e = assertThrows(ConfigException.class, () -> new SettingsLoader(Map.of()).load(file));

        assertTrue(e.getMessage().contains("key 'redis.url' must start with redis://"), e.getMessage());
    }

    @Test
    void twoWebChatAccountsCannotShareAnId() throws IOException {
        Path file = file("channels:\n  webchat:\n    accounts:\n      - id: a\n      - id: a\n");

        ConfigException e = assertThrows(ConfigException.class, () -> new SettingsLoader(Map.of()).load(file));

        assertTrue(e.getMessage().contains("channels.webchat.accounts[1].id"), e.getMessage());
    }

    @Test
    void aBadPortInTheEnvironmentIsNamed() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new SettingsLoader(Map.of("FEEDBACKBOT_HTTP_PORT", "eighty")).load(null));

        assertTrue(e.getMessage().startsWith("FEEDBACKBOT_HTTP_PORT"), e.getMessage());
    }

    @Test
    void invalidYamlIsAnErrorNamingTheFile() throws IOException {
        Path file = file("http: [unclosed\n");

        ConfigException e = assertThrows(ConfigException.class, () -> new SettingsLoader(Map.of()).load(file));

        assertTrue(e.getMessage().startsWith(file + ": not valid YAML"), e.getMessage());
    }

    @Test
    void weChatAndSmsAccountsAreReadWithTheirDefaults() throws IOException {
        Path file = file("""
                channels:
                  wechat:
                    accounts:
                      - id: oa
                        appId: wx123
                        appSecret: ${WX_SECRET}
                        token: tok
                        encodingAesKey: abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG
                  sms:
                    accounts:
                      - id: main
                        accountSid: AC123
                        authToken: ${SMS_TOKEN}
                        from: "+8613800000000"
                        publicUrl: https://bot.example.com/webhooks/sms/main
                        helpText: {en: "Acme: reply STOP to opt out."}
                """);

        FeedbackbotSettings settings = new SettingsLoader(Map.of("WX_SECRET", "s3cret", "SMS_TOKEN", "t0ken")).load(file);

        WechatAccount oa = settings.channels().wechatAccount("oa").orElseThrow();
        assertEquals("s3cret", oa.appSecret());
        assertEquals("https://api.weixin.qq.com", oa.apiBaseUrl());
        assertEquals(Duration.ofSeconds(4), oa.passiveReplyDeadline());
        assertTrue(!oa.toString().contains("s3cret") && !oa.toString().contains("tok"));
        SmsAccount sms = settings.channels().smsAccount("main").orElseThrow();
        assertEquals("https://api.twilio.com", sms.apiBaseUrl());
        assertEquals("CN", sms.defaultRegion());
        assertTrue(sms.optOutKeywords().contains("STOPALL"));
        assertTrue(sms.optOutKeywords().containsAll(List.of("退订", "TD", "T", "R")), "region CN adds 退订/TD/T/R");
        assertEquals("Acme: reply STOP to opt out.", sms.helpText().get("en"));
        assertTrue(!sms.toString().contains("t0ken"));
    }

    @Test
    void anSmsAccountOutsideChinaDefaultsToTheCarrierKeywordsOnly() throws IOException {
        Path file = file("channels:\n  sms:\n    accounts:\n      - id: us\n        accountSid: AC1\n"
                + "        authToken: t\n        from: \"+14155550100\"\n        defaultRegion: us\n"
                + "        publicUrl: https://x/webhooks/sms/us\n");

        SmsAccount sms = new SettingsLoader(Map.of()).load(file).channels().smsAccount("us").orElseThrow();

        assertEquals("US", sms.defaultRegion());
        assertEquals(List.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "REVOKE"),
                sms.optOutKeywords());
    }

    @Test
    void anSmsAccountNeedsExactlyOneSender() throws IOException {
        Path file = file("channels:\n  sms:\n    accounts:\n      - id: main\n        accountSid: AC1\n"
                + "        authToken: t\n        publicUrl: https://x/webhooks/sms/main\n");

        ConfigException e = assertThrows(ConfigException.class, () -> new SettingsLoader(Map.of()).load(file));

        assertTrue(e.getMessage().contains("channels.sms.accounts[0].from' give either from"), e.getMessage());
    }

    @Test
    void campaignsPaceSmsAtOneMessagePerSecondUnlessConfigured() throws IOException {
        FeedbackbotSettings defaults = new SettingsLoader(Map.of()).load(null);
        FeedbackbotSettings configured = new SettingsLoader(Map.of()).load(
                file("campaigns:\n  shards: 32\n  pacing:\n    sms: 5\n    wechat: 0\n"));

        assertEquals(16, defaults.campaigns().shards());
        assertEquals(1.0, defaults.campaigns().defaultPace("sms"));
        assertEquals(0.0, defaults.campaigns().defaultPace("webchat"));
        assertEquals(Duration.ofDays(14), defaults.campaigns().fatigueWindow());
        assertEquals(32, configured.campaigns().shards());
        assertEquals(5.0, configured.campaigns().defaultPace("sms"));
        assertEquals(0.0, configured.campaigns().defaultPace("wechat"));
    }

    @Test
    void theFatigueWindowMustFitInTheConversationRetention() throws IOException {
        Path file = file("redis:\n  conversationRetention: 30d\ncampaigns:\n  fatigueWindow: 60d\n");

        ConfigException e = assertThrows(ConfigException.class, () -> new SettingsLoader(Map.of()).load(file));

        assertEquals(file + ": key 'campaigns.fatigueWindow' (60d) must not be longer than redis.conversationRetention "
                + "(30d): a conversation forgotten sooner forgets its invitations, and the rule could not see them",
                e.getMessage());
    }

    @Test
    void smsAccountsSendWithTheDefaultPolicyUnlessConfigured() throws IOException {
        String account = "channels:\n  sms:\n    accounts:\n      - id: cn\n        accountSid: AC1\n"
                + "        authToken: t\n        from: \"+8613900000000\"\n"
                + "        publicUrl: https://bot.example.com/webhooks/sms/cn\n";

        SmsAccount defaults = new SettingsLoader(Map.of()).load(file(account)).channels().sms().get(0);
        SmsAccount quick = new SettingsLoader(Map.of()).load(file(account + "        sendTimeout: 2s\n"
                + "        sendAttempts: 1\n")).channels().sms().get(0);

        assertEquals(Duration.ofSeconds(10), defaults.sendTimeout());
        assertEquals(4, defaults.sendAttempts());
        assertEquals(Duration.ofSeconds(2), quick.sendTimeout());
        assertEquals(1, quick.sendAttempts());
    }
}
