package io.feedbackbot.server.campaign;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.FilePayload;
import io.feedbackbot.server.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The marketers' campaign page in a real browser (Debian chromium driven by Playwright; runs with
 * {@code -Pbrowser}): create a campaign, upload its audience, schedule it and watch the counts arrive live, with
 * a hostile campaign name shown as text.
 */
class CampaignConsoleBrowserTest {

    private static final LocatorAssertions.ContainsTextOptions SOON =
            new LocatorAssertions.ContainsTextOptions().setTimeout(30_000);
    private static final String HOSTILE = "<img src=x onerror=alert(1)> May NPS";

    private static TestServer server;
    private static Playwright playwright;
    private static Browser browser;

    @BeforeAll
    static void start() {
        assumeFalse(Boolean.parseBoolean(System.getProperty("skipBrowserTests", "true")),
                "browser tests run with -Pbrowser");
        server = TestServer.start("", Clock.systemUTC());
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of("/usr/bin/chromium")).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aMarketerCreatesUploadsSchedulesAndWatchesACampaignLive() {
        List<String> dialogs = new CopyOnWriteArrayList<>();
        Page page = browser.newContext().newPage();
        page.onDialog(d -> {
            dialogs.add(d.message());
            d.dismiss();
        });
        page.navigate(server.url("/console/campaigns"));
        page.fill("#token", TestServer.TOKEN);
        page.click("#token-form button[type=submit]");
        assertThat(page.locator("#campaigns")).containsText("No campaigns yet", SOON);

        page.click("#new-campaign summary");
        page.fill("#create input[name=name]", HOSTILE);
        page.check("#create input[value=SAT]");
        page.check("#create input[value=SUN]");
        page.fill("#create input[name=from]", "00:00");
        page.fill("#create input[name=to]", "24:00");
        page.selectOption("#create select[name=holidays]", "");
        page.fill("#create input[name=perSecond]", "0");
        page.fill("#create input[name=fatigue]", "off");
        page.click("#create button[type=submit]");
        assertThat(page.locator("#d-status")).containsText("draft", SOON);
        assertThat(page.locator("#d-name")).containsText(HOSTILE);

        page.setInputFiles("#file", new FilePayload("audience.csv", "text/csv",
                "id,customer,store\nb1,browser-1,SH-001\nb2,browser-2,SH-002\nb3,has space,SH-003\n"
                        .getBytes(StandardCharsets.UTF_8)));
        page.click("#upload button[type=submit]");
        assertThat(page.locator("#a-summary")).containsText("2 imported, 1 rejected", SOON);
        assertThat(page.locator("#a-errors")).containsText("line 4");

        page.click("[data-command=schedule]");
        assertThat(page.locator("#d-status")).containsText("completed", SOON);
        assertThat(page.locator("#d-counts")).containsText("sent2", SOON);
        assertThat(page.locator("#campaigns")).containsText(HOSTILE);
        assertEquals(List.of(), dialogs, "the hostile name was shown as text, never run");
    }
}
