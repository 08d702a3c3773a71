package io.feedbackbot.server.testing;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's chromium driven by Playwright for the console's browser tests (never a downloaded browser). They run
 * with {@code -Pbrowser}, as {@code .ci/run} does; otherwise they are skipped.
 */
public final class TestBrowser implements AutoCloseable {

    private final Playwright playwright;
    private final Browser browser;

    private TestBrowser(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /** Skips the calling test class unless browser tests are on. */
    public static void assumeEnabled() {
        assumeFalse(Boolean.parseBoolean(System.getProperty("skipBrowserTests", "true")),
                "browser tests run with -Pbrowser");
    }

    /** Launches headless chromium ({@code -Dchromium=PATH} for another binary than /usr/bin/chromium). */
    public static TestBrowser launch() {
        assumeEnabled();
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Path.of(System.getProperty("chromium", "/usr/bin/chromium"))).setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync")));
            return new TestBrowser(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    public Browser browser() {
        return browser;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
