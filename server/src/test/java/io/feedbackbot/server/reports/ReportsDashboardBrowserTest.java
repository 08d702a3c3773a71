package io.feedbackbot.server.reports;

import static io.feedbackbot.server.testing.TestServer.TOKEN;
import static io.feedbackbot.server.testing.TestServer.json;
import static io.feedbackbot.server.testing.TestServer.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ReducedMotion;
import io.feedbackbot.server.testing.TestBrowser;
import io.feedbackbot.server.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The results dashboard in a real browser (Debian chromium through Playwright; the {@code browser} Maven profile):
 * it shows the API's numbers, draws its charts under the strict Content-Security-Policy, renders customer text
 * as text, and takes a new answer without a reload.
 */
class ReportsDashboardBrowserTest {

    private static TestServer server;
    private static TestBrowser chromium;
    private static Browser browser;

    @BeforeAll
    static void start() throws InterruptedException {
        TestBrowser.assumeEnabled();
        server = TestServer.start("reports:\n  minAnswers: 3\n" + ReportsApiTest.people(), Clock.systemUTC());
        new DemoCampaign(server).npsSurvey("ui-", 30);
        detractor("ui-xss", "<img src=x onerror=document.title='owned'> 送餐太慢");
        for (int i = 0; i < 300 && !api("/api/v1/reports/nps?survey=post-delivery-nps").path("upToDate").asBoolean(); i++) {
            Thread.sleep(100);
        }
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

    private static void detractor(String customer, String comment) {
        server.post("/api/v1/surveys/post-delivery-nps/invitations", json(Map.of("channel", "webchat", "account", "demo",
                "to", customer, "context", Map.of("store", "SH-001", "touchpoint", "delivery"))), "Authorization", "Bearer " + TOKEN);
        server.chat(customer, "m-1", "2分");
        server.chat(customer, "m-2", comment);
    }

    private static JsonNode api(String path) {
        return parse(server.get(path, "Authorization", "Bearer " + TOKEN).body());
    }

    private static Page page(List<String> problems) {
        Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 1400)
                .setReducedMotion(ReducedMotion.REDUCE));
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) {
                problems.add(m.text());
            }
        });
        page.onPageError(problems::add);
        return page;
    }

    private static Page open(List<String> problems) {
        Page page = page(problems);
        page.addInitScript("sessionStorage.setItem('feedbackbot.token', '" + TOKEN + "')");
        page.navigate(server.url("/console/reports"));
        page.waitForSelector("#dashboard:not([hidden])");
        page.waitForSelector("#live-status.on");
        return page;
    }

    @Test
    void theOverviewShowsTheApisNumbersAndDrawsItsCharts() throws Exception {
        List<String> problems = new ArrayList<>();
        Page page = open(problems);
        JsonNode total = api("/api/v1/reports/nps?survey=post-delivery-nps").path("total");
        JsonNode stores = api("/api/v1/reports/nps?survey=post-delivery-nps&groupBy=store").path("groups");

        String expected = (total.path("value").asDouble() > 0 ? "+" : "")
                + String.format(java.util.Locale.ROOT, "%.1f", total.path("value").asDouble());
        assertEquals(expected, page.textContent("#kpi-value"));
        assertEquals(total.path("n").asText(), page.textContent("#kpi-n"));
        assertEquals(stores.size(), page.locator("#breakdown tbody tr").count());
        assertTrue((Boolean) page.evaluate("() => !!Chart.getChart('trend-chart') && !!Chart.getChart('distribution-chart')"));
        assertTrue(page.locator("#worst-stores li").count() > 0);
        assertTrue(page.textContent("#phrases").contains("送餐太慢"));
        Files.createDirectories(Path.of("target"));
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/reports-dashboard.png")).setFullPage(true));
        assertEquals(List.of(), problems, "no script errors and no Content-Security-Policy violations");
        page.close();
    }

    @Test
    void customerTextIsShownAsTextNeverAsMarkup() {
        List<String> problems = new ArrayList<>();
        Page page = open(problems);

        assertTrue(page.textContent("#phrases").contains("<img src=x"), page.textContent("#phrases"));
        assertEquals(0, page.locator("#phrases img").count());
        assertTrue(!"owned".equals(page.title()));
        page.close();
    }

    @Test
    void aNewAnswerShowsWithoutAReload() {
        List<String> problems = new ArrayList<>();
        Page page = open(problems);
        String before = page.textContent("#kpi-n");

        server.post("/api/v1/surveys/post-delivery-nps/invitations", json(Map.of("channel", "webchat", "account", "demo",
                "to", "ui-live", "context", Map.of("store", "SH-002"))), "Authorization", "Bearer " + TOKEN);
        server.chat("ui-live", "m-1", "10");

        page.waitForFunction("n => document.getElementById('kpi-n').textContent !== n", before);
        assertEquals(Integer.parseInt(before) + 1, Integer.parseInt(page.textContent("#kpi-n")));
        page.close();
    }

    @Test
    void aBreakdownRowOpensItsAnswersAndWorkOrders() {
        List<String> problems = new ArrayList<>();
        Page page = open(problems);

        page.click("#breakdown tbody tr[data-key='SH-001']");
        page.waitForSelector("#drill:not([hidden]) #drill-answers tbody tr");

        assertTrue(page.textContent("#drill-title").contains("SH-001"));
        for (String store : page.locator("#drill-answers tbody tr td:nth-child(4)").allTextContents()) {
            assertEquals("SH-001", store);
        }
        page.waitForSelector("#drill-tickets a");
        assertTrue(page.getAttribute("#drill-tickets a", "href").startsWith("/console/#ticket/"));
        page.close();
    }

    @Test
    void aMarketerLogsInAtTheConsoleAndOpensTheDashboardWithoutAToken() {
        List<String> problems = new ArrayList<>();
        Page page = page(problems);
        page.navigate(server.url("/console/"));
        page.fill("#username", "mia");
        page.fill("#password", "results are for reading");
        page.click("#login-form button[type=submit]");
        page.waitForSelector("#app:not([hidden])");
        assertTrue(page.isHidden("nav a[href='#queue']"), "a marketer works no tickets");
        page.waitForSelector("#home-view:not([hidden])");
        assertTrue(page.isVisible("#home-view a[href='/console/campaigns']"), "the marketer's pages are linked");
        assertTrue(page.isHidden("#home-view a[href='#queue']"));
        page.click("nav a[href='/console/reports']");

        page.waitForSelector("#dashboard:not([hidden])");
        page.waitForSelector("#live-status.on");
        assertTrue(page.url().endsWith("/console/reports"), page.url());
        assertEquals(api("/api/v1/reports/nps?survey=post-delivery-nps").path("total").path("n").asText(),
                page.textContent("#kpi-n"));
        page.close();
    }
}
