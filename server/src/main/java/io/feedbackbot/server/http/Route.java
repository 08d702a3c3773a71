package io.feedbackbot.server.http;

import java.util.concurrent.CompletableFuture;

/**
 * Handles requests for one method and path pattern. Runs on the Netty event loop: anything that blocks (Redis,
 * a provider, the classifier) must go to another thread and come back as the future.
 */
@FunctionalInterface
public interface Route {

    CompletableFuture<Reply> handle(Request request);
}
