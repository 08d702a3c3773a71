package io.feedbackbot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsSettingsTest {

    @TempDir
    Path dir;

    private FeedbackbotSettings load(String yaml, Map<String, String> env) throws IOException {
        Path file = dir.resolve("feedbackbot.yaml");
        Files.writeString(file, yaml);
        return new SettingsLoader(env).load(file);
    }

    @Test
    void reportsDefaultToShanghaiAndThirtyAnswers() {
        FeedbackbotSettings settings = new SettingsLoader(Map.of()).load(null);

        assertEquals(ZoneId.of("Asia/Shanghai"), settings.reports().timeZone());
        assertEquals(30, settings.reports().minAnswers());
        assertTrue(settings.webhooks().isEmpty());
    }

    @Test
    void reportsTakeAZoneAMinimumAndExtraAttributes() throws IOException {
        ReportsSettings reports = load("reports:\n  timeZone: Europe/Berlin\n  minAnswers: 50\n  attributes: [city, brand]\n",
                Map.of()).reports();

        assertEquals(ZoneId.of("Europe/Berlin"), reports.timeZone());
        assertEquals(50, reports.minAnswers());
        assertEquals(List.of("city", "brand"), reports.attributes());
    }

    @Test
    void anUnknownTimeZoneNamesTheKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> load("reports:\n  timeZone: Mars/Olympus\n", Map.of()));
        assertTrue(e.getMessage().contains("reports.timeZone"), e.getMessage());
    }

    @Test
    void aWebhookTakesItsSecretFromTheEnvironmentAndHidesIt() throws IOException {
        FeedbackbotSettings settings = load("integrations:\n  webhooks:\n    - name: crm\n      url: https://crm.example/hook\n"
                + "      secret: ${CRM_SECRET}\n      events: [answer]\n      maxAttempts: 5\n      initialBackoff: 2s\n",
                Map.of("CRM_SECRET", "0123456789abcdef-secret"));

        WebhookSettings crm = settings.webhooks().get(0);
        assertEquals("0123456789abcdef-secret", crm.secret());
        assertEquals(Set.of("answer"), crm.events());
        assertEquals(5, crm.maxAttempts());
        assertEquals(Duration.ofSeconds(2), crm.initialBackoff());
        assertEquals(Duration.ofMinutes(10), crm.maxBackoff());
        assertFalse(crm.toString().contains("secret-"), "the secret never reaches logs");
    }

    @Test
    void aWebhookWithAShortSecretOrAnUnknownEventIsRefused() {
        ConfigException shortSecret = assertThrows(ConfigException.class, () -> load(
                "integrations:\n  webhooks:\n    - name: crm\n      url: https://crm.example/hook\n      secret: abc\n", Map.of()));
        assertTrue(shortSecret.getMessage().contains("integrations.webhooks[0].secret"), shortSecret.getMessage());
        ConfigException badEvent = assertThrows(ConfigException.class, () -> load("integrations:\n  webhooks:\n"
                + "    - name: crm\n      url: https://crm.example/hook\n      secret: 0123456789abcdef\n      events: [order]\n",
                Map.of()));
        assertTrue(badEvent.getMessage().contains("events"), badEvent.getMessage());
    }
}
