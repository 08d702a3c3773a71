package io.feedbackbot.server.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feedbackbot.server.testing.TestServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dashboard is served with a strict Content-Security-Policy and Chart.js from the classpath, no CDN. */
class ReportPagesTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theDashboardPageLoadsOnlyItsOwnScripts() {
        HttpResponse<String> page = server.get("/console/reports");

        assertEquals(200, page.statusCode());
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("script-src 'self'") && csp.contains("default-src 'self'"), csp);
        assertTrue(page.body().contains("<script src=\"/webjars/chart.js/dist/chart.umd.js\"></script>"));
        assertTrue(!page.body().contains("http://") && !page.body().contains("https://"), "nothing from another host");
        assertTrue(!page.body().contains("<script>") && !page.body().contains(" style="), "no inline script or style");
    }

    @Test
    void chartJsComesFromItsWebJar() {
        HttpResponse<String> chart = server.get("/webjars/chart.js/dist/chart.umd.js");

        assertEquals(200, chart.statusCode());
        assertTrue(chart.headers().firstValue("Content-Type").orElseThrow().startsWith("text/javascript"));
        assertTrue(chart.body().contains("Chart.js v4"), "the UMD build");
        assertEquals(404, server.get("/webjars/chart.js/../../../../logback.xml").statusCode());
        assertEquals(404, server.get("/webjars/other/x.js").statusCode());
    }

    @Test
    void theDashboardsScriptAndStylesAreServed() {
        assertEquals(200, server.get("/static/console/reports.js").statusCode());
        assertEquals(200, server.get("/static/console/reports-api.js").statusCode());
        assertEquals(200, server.get("/static/console/reports.css").statusCode());
    }
}
