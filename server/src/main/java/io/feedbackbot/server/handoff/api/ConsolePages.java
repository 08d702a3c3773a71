package io.feedbackbot.server.handoff.api;

import io.feedbackbot.server.http.Router;
import io.feedbackbot.server.web.StaticRoutes;
import io.netty.handler.codec.http.HttpMethod;

/**
 * The console's pages and assets, from the classpath ({@code web/console/}): {@code /console/} is the single page
 * (login, queue, ticket), {@code /console/…} its scripts and styles. No build step, nothing from a CDN.
 */
public final class ConsolePages {

    private final StaticRoutes pages;

    public ConsolePages(StaticRoutes pages) {
        this.pages = pages;
    }

    public void register(Router router) {
        // "/console" and "/console/" are one pattern to the router; the page uses absolute asset paths
        router.add(HttpMethod.GET, "/console/", r -> pages.serve("console/index.html"))
                .add(HttpMethod.GET, "/console/**", r -> pages.serve("console/" + r.pathParam("rest")));
    }
}
