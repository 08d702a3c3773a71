package io.feedbackbot.server.campaign;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.FilePayload;
import io.feedbackbot.server.testing.TestBrowser;
import io.feedbackbot.server.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
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
    private static final String PASSWORD = "correct horse";

    private static final LocatorAssertions.IsEmptyOptions SOON_VISIBLE =
            new LocatorAssertions.IsEmptyOptions().setTimeout(30_000);

    private static TestServer server;
    private static TestBrowser chromium;
    private static Browser browser;

    @BeforeAll
    static void start() {
        TestBrowser.assumeEnabled();
        String hash = BCrypt.withDefaults().hashToString(4, PASSWORD.toCharArray());
        server = TestServer.start("console:\n  users:\n"
                + "    - {username: mia, name: Mia Marketer, passwordHash: \"" + hash + "\", roles: [marketer]}\n"
                + "    - {username: ann, name: Ann, passwordHash: \"" + hash + "\", roles: [agent]}\n",
                Clock.systemUTC());
        chromium = TestBrowser.launch();
        browser = chromium.browser();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
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
        logIn(page, "mia");
        page.click("nav a[href='/console/campaigns']");
        assertThat(page.locator("#whoami")).containsText("Mia Marketer", SOON);
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

    @Test
    void theCampaignPageSendsVisitorsWithoutALoginToTheConsoleAndRefusesAgents() {
        Page anonymous = browser.newContext().newPage();
        anonymous.navigate(server.url("/console/campaigns"));
        anonymous.waitForURL("**/console/");

        Page agent = browser.newContext().newPage();
        logIn(agent, "ann");
        assertThat(agent.locator("nav a[href='/console/campaigns']")).isHidden();
        agent.navigate(server.url("/console/campaigns"));
        assertThat(agent.locator("#notice")).containsText("need the role marketer or admin", SOON);
    }

    private static void logIn(Page page, String username) {
        page.navigate(server.url("/console/"));
        page.fill("#username", username);
        page.fill("#password", PASSWORD);
        page.click("#login-form button[type=submit]");
        assertThat(page.locator("#whoami")).not().isEmpty(SOON_VISIBLE);
    }
}
